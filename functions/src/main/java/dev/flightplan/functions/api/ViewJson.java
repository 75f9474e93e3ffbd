package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.change.ControllerViews;
import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Threshold;
import dev.flightplan.core.plan.Thresholds;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.Holding;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.http.Json;
import java.time.Instant;

/**
 * The controller's view in the API: {@code holding} (why the rollout is not moving) and {@code
 * gates} (each plan gate with its latest recorded evaluation). Values are in the metric's own
 * scale; what is not known is null.
 */
final class ViewJson {
  private ViewJson() {}

  /** The full holding of {@code GET /rollouts/{id}}, or null. */
  static ObjectNode holding(Rollout rollout) {
    Holding holding = ControllerViews.holdingNow(rollout.plan(), rollout.state());
    if (holding == null) {
      return null;
    }
    ObjectNode node = Json.object().put("kind", holding.kind().name());
    node.put("reason", holding.reason());
    node.put("since", text(holding.since()));
    node.put("until", text(holding.until()));
    node.put("gate", holding.gate());
    node.put("metric", holding.metric());
    return node.put("by", holding.by());
  }

  /** The holding of a list item: kind and reason, or null. */
  static ObjectNode holdingSummary(Rollout rollout) {
    Holding holding = ControllerViews.holdingNow(rollout.plan(), rollout.state());
    return holding == null
        ? null
        : Json.object().put("kind", holding.kind().name()).put("reason", holding.reason());
  }

  /** One entry per plan gate, in plan order. */
  static ArrayNode gates(Rollout rollout) {
    ControllerView view = rollout.state().view();
    ArrayNode gates = Json.NODES.arrayNode();
    for (Gate gate : rollout.plan().gates()) {
      ObjectNode node = rule(rollout.plan(), gate);
      GateView seen = view == null ? null : view.gate(gate.name());
      evaluation(node, seen);
      GateStreak streak = rollout.state().gates().getOrDefault(gate.name(), GateStreak.CLEAR);
      ObjectNode streakNode = node.putObject("streak");
      streakNode.put("breachingSince", text(streak.breachingSince()));
      streakNode.put("consecutiveBreaches", streak.consecutiveBreaches());
      streakNode.put("consecutiveErrors", streak.consecutiveErrors());
      node.put("message", seen == null ? null : seen.message());
      node.put("evaluatedAt", seen == null ? null : text(view.recordedAt()));
      gates.add(node);
    }
    return gates;
  }

  private static ObjectNode rule(Plan plan, Gate gate) {
    ObjectNode node = Json.object().put("name", gate.name()).put("metric", gate.metric());
    node.put("action", gate.action().wireName()).put("op", gate.op().symbol());
    MetricSpec spec = plan.metrics().get(gate.metric());
    switch (gate.threshold()) {
      case Threshold.Absolute absolute -> {
        boolean percent =
            spec != null && (spec.unit() == MetricSpec.Unit.PERCENT || spec.isRatio());
        node.put("threshold", Thresholds.format(absolute, percent));
        node.put("thresholdValue", absolute.value());
      }
      case Threshold.Relative relative -> {
        String text = Thresholds.format(relative);
        node.put(
            "threshold",
            relative.kind() == Threshold.Relative.Kind.TIMES ? text + " baseline" : text);
        node.putNull("thresholdValue");
      }
    }
    return node.put("for", gate.sustain().isZero() ? null : Durations.format(gate.sustain()));
  }

  private static void evaluation(ObjectNode node, GateView seen) {
    node.put("verdict", seen == null || seen.verdict() == null ? null : seen.verdict().name());
    ObjectNode values = node.putObject("values");
    values.put("candidate", seen == null ? null : seen.candidate());
    values.put("baseline", seen == null ? null : seen.baseline());
    ObjectNode samples = node.putObject("samples");
    samples.put("candidate", seen == null ? null : seen.candidateSamples());
    samples.put("baseline", seen == null ? null : seen.baselineSamples());
    node.put("pValue", seen == null ? null : seen.pValue());
    node.put("bound", seen == null ? null : seen.bound());
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}

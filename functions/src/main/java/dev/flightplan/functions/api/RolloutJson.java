package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.plan.Percent;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.functions.http.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The API's JSON for rollouts and their history. Plans are written by {@link PlanWriter}, so the
 * {@code plan} member reads back with {@code PlanReader}. Timestamps are ISO-8601 in UTC.
 */
final class RolloutJson {
  private RolloutJson() {}

  /** The body of {@code GET /rollouts/{id}}, whether or not the stored plan reads. */
  static ObjectNode view(StoredRollout stored) {
    return switch (stored) {
      case Rollout rollout -> view(rollout);
      case UnreadableRollout unreadable -> view(unreadable);
    };
  }

  /** What a list shows of each rollout, whether or not the stored plan reads. */
  static ObjectNode summary(StoredRollout stored) {
    return switch (stored) {
      case Rollout rollout -> summary(rollout);
      case UnreadableRollout unreadable -> summary(unreadable);
    };
  }

  /** The body of {@code GET /rollouts/{id}} with its {@code eta} as of {@code now}. */
  static ObjectNode view(StoredRollout stored, Instant now) {
    return EtaJson.full(view(stored), stored, now);
  }

  /** What a list shows of each rollout, with the times of its {@code eta} as of {@code now}. */
  static ObjectNode summary(StoredRollout stored, Instant now) {
    return EtaJson.brief(summary(stored), stored, now);
  }

  /** Plan, state, progress and last decision: the body of {@code GET /rollouts/{id}}. */
  static ObjectNode view(Rollout rollout) {
    ObjectNode node = summary(rollout);
    node.set("plan", PlanWriter.toTree(rollout.plan()));
    node.set("state", state(rollout));
    // The controller's view: why it holds, and each gate's latest evaluation.
    node.set("holding", ViewJson.holding(rollout));
    node.set("gates", ViewJson.gates(rollout));
    return node;
  }

  /** What a list shows of each rollout. */
  static ObjectNode summary(Rollout rollout) {
    ObjectNode node = identity(rollout.id(), rollout.version(), rollout.state());
    node.set("progress", progress(rollout.plan(), rollout.state()));
    node.set("holding", ViewJson.holdingSummary(rollout));
    return decisionAndTimes(node, rollout.state());
  }

  private static ObjectNode identity(String id, long version, RolloutState state) {
    ObjectNode node = Json.object().put("id", id).put("version", version);
    return node.put("status", state.status().name()).put("revision", state.revision());
  }

  private static ObjectNode decisionAndTimes(ObjectNode node, RolloutState state) {
    node.set("lastDecision", lastDecision(state.lastDecision()));
    time(node, "createdAt", state.createdAt());
    time(node, "updatedAt", state.updatedAt());
    return node;
  }

  /**
   * A rollout whose stored plan cannot be read: its state, {@code "plan": null} and the problem.
   * Without the plan there is no progress to show, and only the checklist items done are known.
   */
  static ObjectNode view(UnreadableRollout rollout) {
    ObjectNode node = summary(rollout);
    node.putNull("plan");
    ObjectNode state = stateFields(rollout.state());
    state.putObject("checklist").set("done", strings(rollout.state().checklistDone()));
    node.set("state", lastStateFields(state, rollout.state()));
    // Without the plan the controller does not evaluate it: nothing to show of its view.
    node.putNull("holding");
    node.putArray("gates");
    return node;
  }

  /** The summary of a rollout whose stored plan cannot be read: no progress, the problem. */
  static ObjectNode summary(UnreadableRollout rollout) {
    ObjectNode node = identity(rollout.id(), rollout.version(), rollout.state());
    decisionAndTimes(node, rollout.state());
    return node.put("problem", "the stored plan cannot be read: " + rollout.problem());
  }

  static ObjectNode history(HistoryEntry entry) {
    ObjectNode node = Json.object().put("seq", entry.seq());
    time(node, "at", entry.at());
    node.put("actor", entry.actor()).put("action", entry.action());
    node.put("from", entry.from() == null ? null : entry.from().name());
    node.put("to", entry.to() == null ? null : entry.to().name());
    node.put("phase", entry.phase());
    if (entry.gate() != null) {
      node.put("gate", entry.gate());
    }
    if (!entry.values().isEmpty()) {
      ObjectNode values = node.putObject("values");
      entry.values().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          // JSON has no NaN or infinity; an unreadable value is null.
          .forEach(
              e -> values.put(e.getKey(), Double.isFinite(e.getValue()) ? e.getValue() : null));
    }
    return node.put("reason", entry.reason());
  }

  /**
   * Phase k of n (1-based; 0 before start and after a rollback) and the exposure the target should
   * have now.
   */
  private static ObjectNode progress(Plan plan, RolloutState state) {
    ObjectNode node = Json.object().put("phase", state.phase() + 1);
    node.put("phases", plan.phases().size());
    if (state.phase() >= 0) {
      node.put("phaseName", plan.phases().get(state.phase()).name());
      time(node, "phaseStartedAt", state.phaseStartedAt());
      node.put(
          "bakeEndsAt",
          state.phaseStartedAt() == null
              ? null
              : state.phaseStartedAt().plus(plan.phases().get(state.phase()).bake()).toString());
    }
    Exposure exposure = plan.exposureAt(state.desiredPhase());
    ObjectNode exposed = node.putObject("exposure");
    exposed.put("percent", Percent.of(exposure.basisPoints()));
    ArrayNode audiences = exposed.putArray("audiences");
    plan.audiences().keySet().stream()
        .filter(exposure.audiences()::contains)
        .forEach(audiences::add);
    return node;
  }

  private static ObjectNode state(Rollout rollout) {
    RolloutState state = rollout.state();
    ObjectNode node = stateFields(state);
    ObjectNode checklist = node.putObject("checklist");
    ArrayNode done = checklist.putArray("done");
    ArrayNode open = checklist.putArray("open");
    for (String item : rollout.plan().checklist()) {
      (state.checklistDone().contains(item) ? done : open).add(item);
    }
    return lastStateFields(node, state);
  }

  private static ObjectNode stateFields(RolloutState state) {
    ObjectNode node = Json.object().put("status", state.status().name());
    node.put("revision", state.revision()).put("phase", state.phase());
    time(node, "nextEvaluationAt", state.nextEvaluationAt());
    return node;
  }

  private static ObjectNode lastStateFields(ObjectNode node, RolloutState state) {
    if (state.approvedPhase() >= 0) {
      node.put("approvedPhase", state.approvedPhase());
    }
    if (state.rolledBackRevision() > 0) {
      node.put("rolledBackRevision", state.rolledBackRevision());
    }
    return node.put("pendingWork", state.hasPendingWork());
  }

  private static ArrayNode strings(Collection<String> values) {
    ArrayNode array = Json.NODES.arrayNode();
    values.stream().sorted().forEach(array::add);
    return array;
  }

  private static ObjectNode lastDecision(RolloutState.LastDecision decision) {
    if (decision == null) {
      return null;
    }
    ObjectNode node = Json.object().put("kind", decision.kind());
    time(node, "at", decision.at());
    return node.put("reason", decision.reason());
  }

  private static void time(ObjectNode node, String name, Instant at) {
    if (at != null) {
      node.put(name, at.toString());
    }
  }
}

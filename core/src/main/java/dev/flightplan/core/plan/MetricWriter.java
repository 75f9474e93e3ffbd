package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;

/** Writes the {@code metrics} and {@code gates} of a plan for {@link PlanWriter}. */
final class MetricWriter {
  private MetricWriter() {}

  static void write(Plan plan, ObjectNode root) {
    if (!plan.metrics().isEmpty()) {
      ObjectNode metrics = root.putObject("metrics");
      plan.metrics().forEach((name, spec) -> metrics.set(name, metric(spec)));
    }
    if (!plan.gates().isEmpty()) {
      ArrayNode gates = root.putArray("gates");
      plan.gates().forEach(gate -> gates.add(gate(gate, plan.metrics().get(gate.metric()))));
    }
  }

  private static ObjectNode metric(MetricSpec spec) {
    ObjectNode node = PlanWriter.NODES.objectNode().put("namespace", spec.namespace());
    if (spec.isRatio()) {
      node.putObject("ratio")
          .put("numerator", spec.ratio().numerator())
          .put("denominator", spec.ratio().denominator());
      if (spec.ratio().numeratorAbsent() != NumeratorAbsent.MISSING) {
        node.put("numeratorAbsent", spec.ratio().numeratorAbsent().wireName());
      }
    } else {
      node.put("metric", spec.metric()).put("stat", spec.stat());
    }
    if (!spec.dimensions().isEmpty()) {
      ObjectNode dimensions = node.putObject("dimensions");
      spec.dimensions().forEach(dimensions::put);
    }
    MetricSpec.Unit defaultUnit = spec.isRatio() ? MetricSpec.Unit.RATIO : MetricSpec.Unit.NONE;
    if (spec.unit() != defaultUnit) {
      node.put("unit", spec.unit().wireName());
    }
    putIfNot(node, "period", spec.period(), MetricSpec.DEFAULT_PERIOD);
    putIfNot(node, "lookback", spec.lookback(), MetricSpec.DEFAULT_LOOKBACK);
    return node;
  }

  private static ObjectNode gate(Gate gate, MetricSpec spec) {
    ObjectNode node =
        PlanWriter.NODES
            .objectNode()
            .put("name", gate.name())
            .put("metric", gate.metric())
            .put("op", gate.op().symbol());
    switch (gate.threshold()) {
      case Threshold.Absolute absolute when showsPercent(spec) ->
          node.put("threshold", Thresholds.format(absolute, true));
      case Threshold.Absolute absolute ->
          node.put("threshold", BigDecimal.valueOf(absolute.value()));
      case Threshold.Relative relative -> node.put("relative", Thresholds.format(relative));
    }
    putIfNot(node, "for", gate.sustain(), Duration.ZERO);
    node.put("action", gate.action().wireName());
    if (gate.minSamples() != Gate.DEFAULT_MIN_SAMPLES) {
      node.put("minSamples", gate.minSamples());
    }
    if (gate.missingData() != MissingData.HOLD) {
      node.put("missingData", gate.missingData().wireName());
    }
    if (gate.errorLimit() != Gate.DEFAULT_ERROR_LIMIT) {
      node.put("errorLimit", gate.errorLimit());
    }
    if (gate.confidence() != Gate.DEFAULT_CONFIDENCE) {
      node.put("confidence", gate.confidence());
    }
    return node;
  }

  /** Thresholds of percent metrics read best as {@code 5%}; they are stored as 0.05 either way. */
  private static boolean showsPercent(MetricSpec spec) {
    return spec != null && spec.unit() == MetricSpec.Unit.PERCENT;
  }

  private static void putIfNot(ObjectNode node, String field, Duration value, Duration fallback) {
    if (!value.equals(fallback)) {
      node.put(field, Durations.format(value));
    }
  }
}

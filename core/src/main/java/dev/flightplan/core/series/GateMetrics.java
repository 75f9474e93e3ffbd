package dev.flightplan.core.series;

import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Threshold;
import dev.flightplan.core.plan.Thresholds;
import dev.flightplan.core.series.MetricSeries.GateThreshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics a plan's gates use, in the order the gates first name them, and their bounds. */
final class GateMetrics {
  private GateMetrics() {}

  static List<MetricSpec> of(Plan plan) {
    Map<String, MetricSpec> used = new LinkedHashMap<>();
    for (Gate gate : plan.gates()) {
      MetricSpec spec = plan.metrics().get(gate.metric());
      if (spec != null) {
        used.putIfAbsent(spec.name(), spec);
      }
    }
    return List.copyOf(used.values());
  }

  /** The longest period among {@code metrics}; one minute when there are none. */
  static Duration longestPeriod(List<MetricSpec> metrics) {
    return metrics.stream()
        .map(MetricSpec::period)
        .max(Duration::compareTo)
        .orElse(MetricSpec.DEFAULT_PERIOD);
  }

  static List<GateThreshold> thresholds(Plan plan, String metric) {
    List<GateThreshold> thresholds = new ArrayList<>();
    for (Gate gate : plan.gates()) {
      if (gate.metric().equals(metric)) {
        thresholds.add(threshold(gate));
      }
    }
    return thresholds;
  }

  private static GateThreshold threshold(Gate gate) {
    Double value = null;
    String relative = null;
    switch (gate.threshold()) {
      case Threshold.Absolute absolute -> value = absolute.value();
      case Threshold.Relative rel -> relative = Thresholds.format(rel);
    }
    return new GateThreshold(
        gate.name(), gate.op().symbol(), value, relative, gate.action().wireName());
  }
}

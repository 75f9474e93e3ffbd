package dev.flightplan.core.gate;

import java.time.Instant;
import java.util.Map;

/** Every metric reading of one rollout at one tick, keyed by metric name as in the plan. */
public record Observations(Instant at, Map<String, MetricReading> byMetric) {

  public Observations {
    byMetric = Map.copyOf(byMetric);
  }

  public static Observations none(Instant at) {
    return new Observations(at, Map.of());
  }

  /** A metric the source did not return at all counts as missing. */
  public MetricReading get(String metric) {
    MetricReading reading = byMetric.get(metric);
    return reading != null ? reading : new MetricReading.Missing("no reading for " + metric);
  }
}

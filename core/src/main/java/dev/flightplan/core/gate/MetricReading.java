package dev.flightplan.core.gate;

/** What a metrics source could read for one metric of one rollout. */
public sealed interface MetricReading {

  /** Data for the candidate, and for the baseline when the metric has variants (else null). */
  record Values(VariantSample candidate, VariantSample baseline) implements MetricReading {}

  /** The source answered, with no datapoints. */
  record Missing(String detail) implements MetricReading {}

  /** The source could not be read (throttled, 5xx, timeout): an error, never a pass. */
  record Failed(String message) implements MetricReading {}
}

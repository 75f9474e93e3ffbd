package dev.flightplan.infra.cloudwatch;

/**
 * What one GetMetricData query reads: one part of one variant of one metric of one rollout. The
 * query id sent to CloudWatch is opaque; this is how a result finds its way back.
 */
record QueryKey(String rolloutId, String metric, Variant variant, Part part) {

  /** Which side of the candidate-vs-baseline pair; metrics without variants read the candidate. */
  enum Variant {
    CANDIDATE,
    BASELINE
  }

  /** The role of a query in assembling a reading. */
  enum Part {
    /** The plan's statistic, one datapoint per period. */
    VALUE,
    /** {@code SampleCount} per period: the requests behind the value. */
    COUNT,
    /** The plan's statistic over the whole evidence window in one period (percentiles…). */
    WINDOW,
    /** {@code Sum} of a ratio's numerator per period. */
    NUMERATOR,
    /** {@code Sum} of a ratio's denominator per period. */
    DENOMINATOR
  }
}

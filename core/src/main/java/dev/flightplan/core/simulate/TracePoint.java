package dev.flightplan.core.simulate;

/**
 * One period of one metric and variant in a trace.
 *
 * @param value the metric's value for the period (a sum for counts, the statistic otherwise)
 * @param samples the requests behind the value, or -1 when the trace does not say
 */
public record TracePoint(double value, long samples) {
  public static final long UNKNOWN = -1;

  public boolean samplesKnown() {
    return samples != UNKNOWN;
  }
}

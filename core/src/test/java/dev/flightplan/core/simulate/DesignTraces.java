package dev.flightplan.core.simulate;

import java.time.Duration;
import java.time.Instant;

/**
 * Generated traces for the docs/design.md §2 example plan: per minute and variant 1000 invocations,
 * 0.2% errors, a steady latency and quality score, and from {@code faultFrom} on 8% candidate
 * errors.
 */
final class DesignTraces {
  static final String ID = "new-search-algorithm";
  // Monday 3 March 2025, 10:00 in Berlin: inside the plan's MON–THU 09:00–16:00 window.
  static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");

  private DesignTraces() {}

  static Trace healthy(Duration length) {
    return withFault(length, null);
  }

  static Trace withFault(Duration length, Instant faultFrom) {
    Trace.Builder trace = Trace.builder();
    long minutes = length.toMinutes();
    for (long m = 0; m < minutes; m++) {
      Instant at = MONDAY_MORNING.plus(Duration.ofMinutes(m));
      boolean faulty = faultFrom != null && !at.isBefore(faultFrom);
      // A little deterministic noise, so the per-period points are not all equal.
      double wobble = (m % 7) - 3;
      period(trace, "candidate", at, faulty ? 80 : 2, 101 + wobble);
      period(trace, "baseline", at, 2, 100 - wobble);
    }
    return trace.build();
  }

  private static void period(
      Trace.Builder trace, String variant, Instant at, double errors, double latency) {
    trace.add("Invocations", variant, at, 1000, TracePoint.UNKNOWN);
    trace.add("Errors", variant, at, errors, TracePoint.UNKNOWN);
    trace.add("Latency", variant, at, latency, 1000);
    trace.add("QualityScore", variant, at, 0.91, 1000);
  }
}

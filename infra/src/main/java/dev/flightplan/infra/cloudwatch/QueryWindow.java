package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.gate.EvidenceWindow;
import java.time.Instant;

/**
 * The time range of a query: a metric's {@link EvidenceWindow}, aligned to its period. {@code end}
 * is {@code now} floored to the period, so the period still filling up is left out, and {@code
 * start} lies a whole number of periods before it, no earlier than the evidence of the current
 * exposure begins. CloudWatch starts its buckets at StartTime, so aligned bounds give buckets on
 * period boundaries (and moto, which never aligns, gives the same buckets).
 */
record QueryWindow(Instant start, Instant end) {

  static QueryWindow of(EvidenceWindow evidence) {
    return new QueryWindow(evidence.from(), evidence.to());
  }

  long seconds() {
    return end.getEpochSecond() - start.getEpochSecond();
  }

  /** Datapoints one query with this period can return over the window. */
  long datapoints(long periodSeconds) {
    return (seconds() + periodSeconds - 1) / periodSeconds;
  }
}

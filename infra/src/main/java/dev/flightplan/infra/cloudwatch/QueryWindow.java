package dev.flightplan.infra.cloudwatch;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range of a query, aligned to its period: {@code end} is {@code now} floored to the
 * period, so the period still filling up is left out, and {@code start} lies a whole number of
 * periods before it. CloudWatch starts its buckets at StartTime, so aligned bounds give buckets on
 * period boundaries (and moto, which never aligns, gives the same buckets).
 */
record QueryWindow(Instant start, Instant end) {

  static QueryWindow of(Duration period, Duration lookback, Instant now) {
    long periodSeconds = period.toSeconds();
    long end = Math.floorDiv(now.getEpochSecond(), periodSeconds) * periodSeconds;
    return new QueryWindow(
        Instant.ofEpochSecond(end - periods(period, lookback) * periodSeconds),
        Instant.ofEpochSecond(end));
  }

  /** Whole periods covering the lookback (a lookback of 90s at 1m reads two periods). */
  static long periods(Duration period, Duration lookback) {
    long periodSeconds = period.toSeconds();
    return Math.max(1, (lookback.toSeconds() + periodSeconds - 1) / periodSeconds);
  }

  long seconds() {
    return end.getEpochSecond() - start.getEpochSecond();
  }

  /** Datapoints one query with this period can return over the window. */
  long datapoints(long periodSeconds) {
    return (seconds() + periodSeconds - 1) / periodSeconds;
  }
}

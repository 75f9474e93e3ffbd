package dev.flightplan.core.series;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range and period of a series request. Bounds are aligned to the period: {@code from}
 * floored, {@code to} raised to the next boundary but never past the last whole period at {@code
 * now}, so no point stands for a period still filling up. The period is the plan's metric period,
 * multiplied until a series has at most {@link #MAX_POINTS} points.
 */
public record SeriesRange(Instant from, Instant to, Duration period) {
  public static final Duration MAX_SPAN = Duration.ofDays(14);
  public static final int MAX_POINTS = 1_440;
  static final String INSTANT_EXAMPLE = "2026-11-29T10:00:00Z";

  /**
   * @param from asked for, or null: when the rollout started, at most {@link #MAX_SPAN} before
   *     {@code to}
   * @param to asked for, or null: {@code now}
   * @param started when the rollout started (or was created)
   * @param basePeriod the longest period of the metrics read
   * @throws SeriesRangeException naming {@code from} or {@code to} when a {@code from} asked for is
   *     not before {@code to} or the range is longer than {@link #MAX_SPAN}; a {@code to} alone
   *     before the start gives an empty range
   */
  public static SeriesRange of(
      Instant from, Instant to, Instant started, Instant now, Duration basePeriod) {
    Instant end = to != null ? to : now;
    Instant start = from != null ? from : latest(started, end.minus(MAX_SPAN));
    if (from == null && !start.isBefore(end)) {
      // Only a `to` before the rollout started: nothing to show, which is an answer, not an error.
      SeriesRange at = aligned(end, end, now, basePeriod);
      return new SeriesRange(at.from(), at.from(), at.period());
    }
    if (!start.isBefore(end)) {
      throw new SeriesRangeException(
          to != null ? "to" : "from",
          "must be after from (" + start + "); the range is empty",
          "give a to later than from, or leave it out for now");
    }
    if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
      throw new SeriesRangeException(
          from != null ? "from" : "to",
          "makes the range longer than 14 days",
          "use a from no earlier than " + end.minus(MAX_SPAN) + ", or ask for several ranges");
    }
    return aligned(start, end, now, basePeriod);
  }

  private static SeriesRange aligned(Instant start, Instant end, Instant now, Duration base) {
    long baseSeconds = base.toSeconds();
    long span = end.getEpochSecond() - start.getEpochSecond();
    long factor = Math.max(1, ceilDiv(span, baseSeconds * MAX_POINTS));
    while (true) {
      long period = baseSeconds * factor;
      long first = Math.floorDiv(start.getEpochSecond(), period) * period;
      long last =
          Math.min(
              ceilDiv(end.getEpochSecond(), period) * period,
              Math.floorDiv(now.getEpochSecond(), period) * period);
      last = Math.max(first, last);
      if ((last - first) / period <= MAX_POINTS) {
        return new SeriesRange(
            Instant.ofEpochSecond(first), Instant.ofEpochSecond(last), Duration.ofSeconds(period));
      }
      factor++;
    }
  }

  /** Periods in the range: the most points one series can have. */
  public long points() {
    return Duration.between(from, to).toSeconds() / period.toSeconds();
  }

  public boolean isEmpty() {
    return !to.isAfter(from);
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}

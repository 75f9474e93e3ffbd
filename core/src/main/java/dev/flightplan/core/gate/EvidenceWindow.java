package dev.flightplan.core.gate;

import dev.flightplan.core.plan.MetricSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * The periods a metric is read over at {@code now} (docs/design.md §2.5): whole periods ending at
 * the last period boundary (the period still filling up is left out), at most {@code lookback}
 * long, and never earlier than the evidence origin — the first period boundary at least {@link
 * #SETTLE} after the exposure last changed. A phase is judged only on data gathered at its own
 * exposure; just after a change the window is empty and the gates wait.
 *
 * @param from start of the oldest period (inclusive)
 * @param to end of the newest period (exclusive); equal to {@code from} when empty
 */
public record EvidenceWindow(Instant from, Instant to, Instant origin) {

  /** Time for a new exposure to reach every reader (flag caches poll every few seconds). */
  public static final Duration SETTLE = Duration.ofSeconds(30);

  /**
   * @param exposureSince when the exposure last changed (the phase start); null when unknown, and
   *     then only the lookback bounds the window
   */
  public static EvidenceWindow of(MetricSpec spec, Instant exposureSince, Instant now) {
    long period = spec.period().toSeconds();
    long end = end(spec, now).getEpochSecond();
    long start = end - lookbackPeriods(spec) * period;
    Instant origin = exposureSince == null ? null : origin(spec, exposureSince);
    if (origin != null) {
      start = Math.min(end, Math.max(start, origin.getEpochSecond()));
    }
    return new EvidenceWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), origin);
  }

  /** The first period boundary at least {@link #SETTLE} after {@code exposureSince}. */
  public static Instant origin(MetricSpec spec, Instant exposureSince) {
    long period = spec.period().toSeconds();
    long settled = exposureSince.plus(SETTLE).getEpochSecond();
    return Instant.ofEpochSecond(Math.floorDiv(settled + period - 1, period) * period);
  }

  /** Whole periods covering the lookback (a lookback of 90s at 1m reads two periods). */
  public static long lookbackPeriods(MetricSpec spec) {
    return periods(spec.period(), spec.lookback());
  }

  /** Whole periods of length {@code period} covering {@code lookback}, at least one. */
  public static long periods(Duration period, Duration lookback) {
    long seconds = period.toSeconds();
    return Math.max(1, (lookback.toSeconds() + seconds - 1) / seconds);
  }

  /** The end of the newest whole period at {@code now}: where every window of {@code spec} ends. */
  public static Instant end(MetricSpec spec, Instant now) {
    long period = spec.period().toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), period) * period);
  }

  public boolean isEmpty() {
    return !to.isAfter(from);
  }

  public long seconds() {
    return to.getEpochSecond() - from.getEpochSecond();
  }
}

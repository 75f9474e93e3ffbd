package dev.flightplan.core.gate;

import java.time.Duration;
import java.time.Instant;

/**
 * How a gate's sequential tests share their false-alarm budget over a phase (docs/design.md §2.5).
 * Evidence starts at the origin (the exposure change plus settling). A new test starts every {@code
 * spacing} and runs for at most {@code span} (the lookback), so a regression that begins mid-phase
 * is judged on evidence diluted by at most {@code spacing} of healthy data, and a tick never reads
 * more than one lookback.
 *
 * <p>Shares of the budget: half to test 0, which starts with the new exposure, when a regression is
 * most likely to show; a quarter spread evenly over the other {@code J - 1} tests that fit in the
 * bake; and, after the bake, {@code 1/(4d(d+1))} to the d-th day's tests, shared evenly (a phase
 * may hold for days past its bake, waiting for an approval or a window). The shares sum to at most
 * one. The gate's own budget is {@code 1 - confidence} divided by {@code family}: every phase times
 * every sequentially tested gate of the plan with the same action, so the chance of any false
 * rollback (and, apart, of any false pause) over a whole rollout stays within {@code 1 -
 * confidence}.
 *
 * @param origin where test 0 starts; null when the phase start is unknown (one test over the data)
 */
public record TestSegments(
    Instant origin, Duration period, Duration spacing, Duration span, int testsInBake, int family) {

  /** Periods without a datapoint at the end of the window that make the evidence stale. */
  public static final int STALE_PERIODS = 5;

  /** One test over whatever data there is, with the whole budget: for a context without phases. */
  public static final TestSegments SINGLE =
      new TestSegments(null, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1, 1);

  public static TestSegments of(
      Instant origin, Duration period, Duration lookback, Duration bake, int family) {
    long periods = EvidenceWindow.periods(period, lookback);
    Duration span = period.multipliedBy(periods);
    Duration spacing = period.multipliedBy(Math.max(1, periods / 3));
    long inBake = Math.max(1, (bake.toSeconds() + spacing.toSeconds() - 1) / spacing.toSeconds());
    return new TestSegments(
        origin, period, spacing, span, (int) Math.min(inBake, 1_000_000), family);
  }

  /**
   * Whether a metric has gone quiet: the last {@link #STALE_PERIODS} periods before {@code end}
   * have no datapoint, though older ones do. Old evidence says nothing of now; the gate waits for
   * data.
   */
  public boolean isStale(PeriodSeries periods, Instant end) {
    if (periods.isEmpty() || end == null || period.isZero() || periods.starts()[0] < 0) {
      return false;
    }
    long newest = periods.starts()[periods.size() - 1];
    return end.getEpochSecond() - newest > STALE_PERIODS * period.toSeconds();
  }

  /**
   * Whether no period at the current exposure has ended by {@code end}: the gate waits, and even a
   * {@code missingData: breach} gate does not count the empty window as missing data.
   */
  public boolean awaitsFirstPeriod(Instant end) {
    return origin != null && end != null && !end.isAfter(origin);
  }

  /** The start of test {@code k}. */
  public Instant start(long k) {
    return origin.plus(spacing.multipliedBy(k));
  }

  /**
   * The tests still running at {@code end} (the end of the newest whole period): those started
   * within the last {@code span}, oldest first, as {@code [first, last]} indexes; empty when {@code
   * first > last}.
   */
  public long[] running(Instant end) {
    if (origin == null || !end.isAfter(origin)) {
      return new long[] {0, -1};
    }
    long spacingSeconds = spacing.toSeconds();
    long sinceOrigin = end.getEpochSecond() - origin.getEpochSecond();
    long last = (sinceOrigin - 1) / spacingSeconds;
    long earliest = sinceOrigin - span.toSeconds();
    long first = earliest <= 0 ? 0 : (earliest + spacingSeconds - 1) / spacingSeconds;
    return new long[] {first, last};
  }

  /** Test {@code k}'s share of the gate's budget; all of it when there is one test. */
  public double share(long k) {
    if (origin == null) {
      return 1;
    }
    if (k == 0) {
      return 0.5;
    }
    if (k < testsInBake) {
      return 0.25 / (testsInBake - 1);
    }
    // After the bake (a phase may hold for days: approvals, windows), day d shares 1/(4d(d+1)).
    long perDay = Math.max(1, Duration.ofDays(1).toSeconds() / spacing.toSeconds());
    double day = (k - testsInBake) / perDay + 1;
    return 0.25 / (day * (day + 1) * perDay);
  }
}

package dev.flightplan.core.gate;

import java.time.Instant;

/**
 * The anytime-valid tests behind gates (docs/design.md §2.5), one per kind of comparison, each run
 * over every test of {@link TestSegments} still running: a relative gate asks whether the candidate
 * is worse than the baseline, an absolute gate on a rate whether the rate is past the threshold.
 * The result is a p-value adjusted for the number of tests, phases and gates, so a gate breaches
 * when it is below {@code 1 - confidence}. One pass over the periods, newest first, serves every
 * running test, since a younger test's periods are a suffix of an older one's.
 */
final class SequentialCheck {

  /**
   * @param p adjusted anytime-valid p-value
   * @param since the start of the test that gave it (null for a single test over all the data)
   * @param candidate the candidate's rate over that test's periods (NaN for the sign test)
   * @param baseline the baseline's rate over them (NaN when not compared with the baseline)
   * @param past whether that test's own estimate is past the bound
   */
  record Outcome(double p, Instant since, double candidate, double baseline, boolean past) {
    /** No running test's own estimate is past the bound. */
    static final Outcome NONE = new Outcome(1, null, Double.NaN, Double.NaN, false);
  }

  /**
   * Whether a test's rates are past the gate's bound: a test counts only when its own point
   * estimate is past, so evidence from before a regression dilutes neither the estimate nor the
   * test.
   */
  interface Past {
    Past ALWAYS = (candidate, baseline) -> true;

    boolean test(double candidate, double baseline);
  }

  /** Which comparison a check makes; each reads one candidate period (and its baseline twin). */
  private enum Kind {
    RATE_AGAINST_BASELINE,
    RATE_AGAINST_CHANCE,
    SIGN
  }

  /** The periods of one check, walked newest first; {@code twin[i]} is the baseline's index. */
  private record Pairs(
      Kind kind, PeriodSeries candidate, PeriodSeries baseline, int[] twin, double chance) {

    /** Periods from sources that gave only totals have negative starts and belong to any test. */
    boolean timed() {
      return candidate.size() > 0 && candidate.starts()[0] >= 0;
    }

    /** Adds period {@code i} to the test and to the test's sums of both variants' rates. */
    void add(int i, MixtureSprt test, double[] sums) {
      int j = twin == null ? -1 : twin[i];
      if (twin != null && j < 0) {
        return;
      }
      double cx = candidate.values()[i];
      double cn = candidate.counts()[i];
      switch (kind) {
        case RATE_AGAINST_BASELINE -> {
          double bx = baseline.values()[j];
          double bn = baseline.counts()[j];
          if (!(cn > 0) || !(bn > 0)) {
            return;
          }
          test.add(cx, cx + bx, cn / (cn + bn));
          sum(sums, cx, cn, bx, bn);
        }
        case RATE_AGAINST_CHANCE -> {
          test.add(cx, cn, chance);
          sum(sums, cx, cn, 0, 0);
        }
        case SIGN -> {
          double base = baseline.values()[j];
          if (!Double.isFinite(cx) || !Double.isFinite(base)) {
            return;
          }
          test.add(cx > base ? 1 : 0, cx == base ? 0 : 1, 0.5);
          sum(sums, cx, 1, base, 1);
        }
      }
    }

    private static void sum(double[] sums, double cx, double cn, double bx, double bn) {
      sums[0] += cx;
      sums[1] += cn;
      sums[2] += bx;
      sums[3] += bn;
    }
  }

  private SequentialCheck() {}

  /**
   * Candidate rate against the baseline rate, conditioning each period on its total count (exact at
   * any count): is the candidate's rate higher ({@code greater}) or lower?
   */
  static Outcome rateAgainstBaseline(
      VariantSample candidate,
      VariantSample baseline,
      boolean greater,
      Past past,
      TestSegments segments,
      Instant end) {
    PeriodSeries c = periods(candidate);
    PeriodSeries b = periods(baseline);
    Pairs pairs = new Pairs(Kind.RATE_AGAINST_BASELINE, c, b, twins(c, b), Double.NaN);
    return best(pairs, greater, past, segments, end);
  }

  /** Candidate rate against a fixed chance (an absolute threshold on a ratio). */
  static Outcome rateAbove(
      VariantSample candidate,
      double chance,
      boolean greater,
      Past past,
      TestSegments segments,
      Instant end) {
    Pairs pairs = new Pairs(Kind.RATE_AGAINST_CHANCE, periods(candidate), null, null, chance);
    return best(pairs, greater, past, segments, end);
  }

  /**
   * Per-period candidate values against the same period's baseline value: a sign test, each period
   * a fair coin under the null that the candidate is no worse (Dixon and Mood, "The statistical
   * sign test", JASA 41, 1946). Ties carry nothing. A test's estimates are the means of its
   * per-period values. {@code greater}: is the candidate's value higher?
   */
  static Outcome worseEachPeriod(
      VariantSample candidate,
      VariantSample baseline,
      boolean greater,
      Past past,
      TestSegments segments,
      Instant end) {
    PeriodSeries c = periods(candidate);
    PeriodSeries b = periods(baseline);
    return best(new Pairs(Kind.SIGN, c, b, twins(c, b), Double.NaN), greater, past, segments, end);
  }

  /**
   * The smallest adjusted p-value over the running tests whose own estimate is past; {@link
   * Outcome#NONE} when no test's estimate is. One pass, newest period first.
   */
  private static Outcome best(
      Pairs pairs, boolean greater, Past past, TestSegments segments, Instant end) {
    MixtureSprt test = new MixtureSprt(greater);
    double[] sums = new double[4];
    int i = pairs.candidate().size() - 1;
    if (!pairs.timed() || segments.origin() == null) {
      for (; i >= 0; i--) {
        pairs.add(i, test, sums);
      }
      Outcome single = outcome(test, sums, past, 0, segments);
      return new Outcome(single.p(), null, single.candidate(), single.baseline(), single.past());
    }
    long[] running = segments.running(end);
    Outcome best = Outcome.NONE;
    for (long k = running[1]; k >= running[0]; k--) {
      long from = segments.start(k).getEpochSecond();
      for (; i >= 0 && pairs.candidate().starts()[i] >= from; i--) {
        if (pairs.candidate().starts()[i] < end.getEpochSecond()) {
          pairs.add(i, test, sums);
        }
      }
      Outcome outcome = outcome(test, sums, past, k, segments);
      best = outcome.past() && (!best.past() || outcome.p() < best.p()) ? outcome : best;
    }
    return best;
  }

  private static Outcome outcome(
      MixtureSprt test, double[] sums, Past past, long k, TestSegments segments) {
    double candidate = sums[0] / sums[1];
    double baseline = sums[3] > 0 ? sums[2] / sums[3] : Double.NaN;
    if (!past.test(candidate, baseline)) {
      return Outcome.NONE;
    }
    double p = Math.min(1, segments.family() / segments.share(k) * Math.exp(-test.logEValue()));
    return new Outcome(
        p, segments.origin() == null ? null : segments.start(k), candidate, baseline, true);
  }

  /** For each candidate period, the index of the baseline period with the same start, or -1. */
  private static int[] twins(PeriodSeries candidate, PeriodSeries baseline) {
    int[] twin = new int[candidate.size()];
    for (int i = 0, j = 0; i < candidate.size(); i++) {
      while (j < baseline.size() && baseline.starts()[j] < candidate.starts()[i]) {
        j++;
      }
      twin[i] = j < baseline.size() && baseline.starts()[j] == candidate.starts()[i] ? j : -1;
    }
    return twin;
  }

  /**
   * The sample's periods. A source that gave only totals (or only values) gets placeholder periods
   * with negative starts: the totals as one period, values paired from the newest back.
   */
  private static PeriodSeries periods(VariantSample sample) {
    if (!sample.periods().isEmpty()) {
      return sample.periods();
    }
    if (sample.isRatio()) {
      return new PeriodSeries(
          new long[] {-1}, new double[] {sample.numerator()}, new double[] {sample.denominator()});
    }
    double[] points = sample.points();
    long[] starts = new long[points.length];
    double[] counts = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      starts[i] = i - points.length;
      counts[i] = Double.NaN;
    }
    return new PeriodSeries(starts, points, counts);
  }
}

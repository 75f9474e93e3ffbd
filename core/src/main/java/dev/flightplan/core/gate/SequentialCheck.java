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

  /** Binomial evidence per period, oldest first: {@code x} of {@code m} at null chance theta0. */
  private static final class Trials {
    final long[] start;
    final double[] x;
    final double[] m;
    final double[] theta0;
    final double[][] rates;
    int size;

    /**
     * @param rates per period: candidate numerator, denominator, baseline numerator, denominator
     */
    Trials(int capacity) {
      start = new long[capacity];
      x = new double[capacity];
      m = new double[capacity];
      theta0 = new double[capacity];
      rates = new double[4][capacity];
    }

    void add(long at, double successes, double trials, double chance) {
      start[size] = at;
      x[size] = successes;
      m[size] = trials;
      theta0[size++] = chance;
    }

    void rates(double cx, double cn, double bx, double bn) {
      int i = size - 1;
      rates[0][i] = cx;
      rates[1][i] = cn;
      rates[2][i] = bx;
      rates[3][i] = bn;
    }

    /** Periods from sources that gave only totals have negative starts and belong to any test. */
    boolean timed() {
      return size > 0 && start[0] >= 0;
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
    Trials trials = new Trials(c.size());
    for (int i = 0, j = 0; i < c.size(); i++) {
      j = seek(b, j, c.starts()[i]);
      if (j < b.size()
          && b.starts()[j] == c.starts()[i]
          && c.counts()[i] > 0
          && b.counts()[j] > 0) {
        double exposure = c.counts()[i];
        trials.add(
            c.starts()[i],
            c.values()[i],
            c.values()[i] + b.values()[j],
            exposure / (exposure + b.counts()[j]));
        trials.rates(c.values()[i], c.counts()[i], b.values()[j], b.counts()[j]);
      }
    }
    return best(trials, greater, past, segments, end);
  }

  /** Candidate rate against a fixed chance (an absolute threshold on a ratio). */
  static Outcome rateAbove(
      VariantSample candidate,
      double chance,
      boolean greater,
      Past past,
      TestSegments segments,
      Instant end) {
    PeriodSeries c = periods(candidate);
    Trials trials = new Trials(c.size());
    for (int i = 0; i < c.size(); i++) {
      trials.add(c.starts()[i], c.values()[i], c.counts()[i], chance);
      trials.rates(c.values()[i], c.counts()[i], 0, 0);
    }
    return best(trials, greater, past, segments, end);
  }

  /**
   * Per-period candidate values against the same period's baseline value: a sign test, each period
   * a fair coin under the null that the candidate is no worse (Dixon and Mood, "The statistical
   * sign test", JASA 41, 1946). Ties carry nothing. A test's estimates are the means of its
   * per-period values.
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
    Trials trials = new Trials(c.size());
    for (int i = 0, j = 0; i < c.size(); i++) {
      j = seek(b, j, c.starts()[i]);
      if (j < b.size() && b.starts()[j] == c.starts()[i]) {
        double value = c.values()[i];
        double base = b.values()[j];
        if (Double.isFinite(value) && Double.isFinite(base)) {
          trials.add(c.starts()[i], (value > base) == greater ? 1 : 0, value == base ? 0 : 1, 0.5);
          trials.rates(value, 1, base, 1);
        }
      }
    }
    return best(trials, true, past, segments, end);
  }

  /**
   * The smallest adjusted p-value over the running tests whose own estimate is past; {@link
   * Outcome#NONE} when no test's estimate is.
   */
  private static Outcome best(
      Trials trials, boolean greater, Past past, TestSegments segments, Instant end) {
    MixtureSprt test = new MixtureSprt(greater);
    double[] sums = new double[4];
    if (!trials.timed() || segments.origin() == null) {
      for (int i = 0; i < trials.size; i++) {
        add(trials, i, test, sums);
      }
      Outcome single = outcome(test, sums, past, 0, segments);
      return new Outcome(single.p(), null, single.candidate(), single.baseline(), single.past());
    }
    long[] running = segments.running(end);
    Outcome best = Outcome.NONE;
    int i = trials.size - 1;
    for (long k = running[1]; k >= running[0]; k--) {
      long from = segments.start(k).getEpochSecond();
      for (; i >= 0 && trials.start[i] >= from; i--) {
        add(trials, i, test, sums);
      }
      Outcome outcome = outcome(test, sums, past, k, segments);
      best = outcome.past() && (!best.past() || outcome.p() < best.p()) ? outcome : best;
    }
    return best;
  }

  private static void add(Trials trials, int i, MixtureSprt test, double[] sums) {
    test.add(trials.x[i], trials.m[i], trials.theta0[i]);
    for (int r = 0; r < sums.length; r++) {
      sums[r] += trials.rates[r][i];
    }
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

  /** The first index at or after {@code from} whose start is not before {@code start}. */
  private static int seek(PeriodSeries series, int from, long start) {
    int j = from;
    while (j < series.size() && series.starts()[j] < start) {
      j++;
    }
    return j;
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

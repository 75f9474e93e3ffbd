package dev.flightplan.core.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The anytime-valid tests behind gates (docs/design.md §2.5), one per kind of comparison, each run
 * over every test of {@link TestSegments} still running: a relative gate asks whether the candidate
 * is worse than the baseline, an absolute gate on a rate whether the rate is past the threshold.
 * The result is a p-value adjusted for the number of tests, phases and gates, so a gate breaches
 * when it is below {@code 1 - confidence}.
 */
final class SequentialCheck {
  /** A period whose start is unknown belongs to every test; its start is negative. */
  private static final long ANY_TIME = Long.MIN_VALUE;

  /** One period's binomial evidence: {@code x} of {@code m} at null chance {@code theta0}. */
  private record Trial(long start, double x, double m, double theta0) {}

  /**
   * @param p adjusted anytime-valid p-value; {@code since} the start of the test that gave it
   */
  record Outcome(double p, Instant since) {
    static final Outcome NONE = new Outcome(1, null);
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
      TestSegments segments,
      Instant end) {
    PeriodSeries c = periods(candidate);
    PeriodSeries b = periods(baseline);
    Map<Long, Integer> baselineAt = index(b);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      Integer j = baselineAt.get(c.starts()[i]);
      if (j == null || !(c.counts()[i] > 0) || !(b.counts()[j] > 0)) {
        continue;
      }
      double exposure = c.counts()[i];
      trials.add(
          new Trial(
              timeOf(c.starts()[i]),
              c.values()[i],
              c.values()[i] + b.values()[j],
              exposure / (exposure + b.counts()[j])));
    }
    return best(trials, greater, segments, end);
  }

  /** Candidate rate against a fixed chance (an absolute threshold on a ratio). */
  static Outcome rateAbove(
      VariantSample candidate, double chance, boolean greater, TestSegments segments, Instant end) {
    PeriodSeries c = periods(candidate);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      trials.add(new Trial(timeOf(c.starts()[i]), c.values()[i], c.counts()[i], chance));
    }
    return best(trials, greater, segments, end);
  }

  /**
   * Per-period candidate values against the same period's baseline value: a sign test, each period
   * a fair coin under the null that the candidate is no worse (Dixon and Mood, "The statistical
   * sign test", JASA 41, 1946). Ties carry nothing.
   */
  static Outcome worseEachPeriod(
      VariantSample candidate,
      VariantSample baseline,
      boolean greater,
      TestSegments segments,
      Instant end) {
    PeriodSeries c = periods(candidate);
    PeriodSeries b = periods(baseline);
    Map<Long, Integer> baselineAt = index(b);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      Integer j = baselineAt.get(c.starts()[i]);
      if (j == null || !Double.isFinite(c.values()[i]) || !Double.isFinite(b.values()[j])) {
        continue;
      }
      double value = c.values()[i];
      double base = b.values()[j];
      if (value != base) {
        trials.add(new Trial(timeOf(c.starts()[i]), (value > base) == greater ? 1 : 0, 1, 0.5));
      }
    }
    return best(trials, true, segments, end);
  }

  /** The smallest adjusted p-value over the running tests. */
  private static Outcome best(
      List<Trial> trials, boolean greater, TestSegments segments, Instant end) {
    long[] running = runningFor(trials, segments, end);
    Outcome best = Outcome.NONE;
    for (long k = running[0]; k <= running[1]; k++) {
      long from = from(segments, k);
      List<Trial> inTest =
          trials.stream().filter(t -> t.start() == ANY_TIME || t.start() >= from).toList();
      double[] x = new double[inTest.size()];
      double[] m = new double[inTest.size()];
      double[] theta0 = new double[inTest.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = inTest.get(i).x();
        m[i] = inTest.get(i).m();
        theta0[i] = inTest.get(i).theta0();
      }
      double logE = MixtureSprt.logEValue(x, m, theta0, greater);
      double p = Math.min(1, segments.family() / segments.share(k) * Math.exp(-logE));
      if (p < best.p()) {
        best = new Outcome(p, since(segments, k));
      }
    }
    return best;
  }

  private static long[] runningFor(List<Trial> trials, TestSegments segments, Instant end) {
    boolean timed = !trials.isEmpty() && trials.stream().allMatch(t -> t.start() != ANY_TIME);
    return timed && segments.origin() != null ? segments.running(end) : new long[] {0, 0};
  }

  private static long from(TestSegments segments, long k) {
    return segments.origin() == null ? ANY_TIME : segments.start(k).getEpochSecond();
  }

  private static Instant since(TestSegments segments, long k) {
    return segments.origin() == null ? null : segments.start(k);
  }

  /** The sample's periods; totals as one period of unknown start when the source gave none. */
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
    for (int i = 0; i < points.length; i++) {
      starts[i] = -1 - i; // unknown starts: paired by position
    }
    double[] counts = new double[points.length];
    java.util.Arrays.fill(counts, Double.NaN);
    return new PeriodSeries(starts, points, counts);
  }

  /** A known period start, or {@link #ANY_TIME} for the negative placeholders. */
  private static long timeOf(long start) {
    return start < 0 ? ANY_TIME : start;
  }

  private static Map<Long, Integer> index(PeriodSeries series) {
    Map<Long, Integer> at = new HashMap<>();
    for (int i = 0; i < series.size(); i++) {
      at.put(series.starts()[i], i);
    }
    return at;
  }
}

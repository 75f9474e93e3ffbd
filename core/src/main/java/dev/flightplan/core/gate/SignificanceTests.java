package dev.flightplan.core.gate;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * One-sided significance tests behind relative gates (docs/design.md §2.5). {@code greater} asks
 * whether the candidate is larger than the baseline; otherwise whether it is smaller.
 */
public final class SignificanceTests {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final MannWhitneyUTest MWU_GREATER =
      MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);
  private static final MannWhitneyUTest MWU_LESS =
      MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.LESS_THAN);

  private SignificanceTests() {}

  /**
   * Pooled two-proportion z-test: p-value of {@code x1/n1} being greater (or less) than {@code
   * x2/n2}. Returns 1 when the counts carry no evidence (an empty side, or no variance at all).
   */
  public static double twoProportionPValue(
      double x1, double n1, double x2, double n2, boolean greater) {
    if (!(n1 > 0) || !(n2 > 0)) {
      return 1.0;
    }
    double pooled = (x1 + x2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (!(se > 0)) {
      return 1.0; // both sides all 0% or all 100%: no difference to test
    }
    double z = (x1 / n1 - x2 / n2) / se;
    return greater
        ? STANDARD_NORMAL.survivalProbability(z)
        : STANDARD_NORMAL.cumulativeProbability(z);
  }

  /**
   * Mann-Whitney U test of the candidate's per-period points against the baseline's: p-value of the
   * candidate being stochastically greater (or less). Exact for small samples without ties, normal
   * approximation with tie and continuity correction otherwise (the library's defaults). NaN when
   * either side has no finite point, so there is nothing to test.
   */
  public static double mannWhitneyPValue(double[] candidate, double[] baseline, boolean greater) {
    double[] x = finite(candidate);
    double[] y = finite(baseline);
    if (x.length == 0 || y.length == 0) {
      return Double.NaN;
    }
    return (greater ? MWU_GREATER : MWU_LESS).test(x, y).getPValue();
  }

  /** The points without NaN or infinities (a period with no data); copies only when needed. */
  private static double[] finite(double[] points) {
    int kept = 0;
    for (double p : points) {
      kept += Double.isFinite(p) ? 1 : 0;
    }
    if (kept == points.length) {
      return points;
    }
    double[] out = new double[kept];
    int i = 0;
    for (double p : points) {
      if (Double.isFinite(p)) {
        out[i++] = p;
      }
    }
    return out;
  }
}

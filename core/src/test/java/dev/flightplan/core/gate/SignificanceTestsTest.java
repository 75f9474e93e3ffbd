package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Reference p-values were computed independently in Python: two-proportion ones with statsmodels
 * 0.15 {@code proportions_ztest(count, nobs, alternative=...)} (pooled variance), Mann-Whitney ones
 * with SciPy 1.17 {@code mannwhitneyu(x, y, alternative=..., method=...)}, default continuity
 * correction; the method named in each test is the one the library picks for that input.
 */
class SignificanceTestsTest {
  private static final Percentage CLOSE = Percentage.withPercentage(1e-6);

  @Test
  void twoProportionSignificantIncrease() {
    // proportions_ztest([62, 40], [1000, 1000], alternative="larger") -> z=2.2361, p=0.0126729...
    assertThat(SignificanceTests.twoProportionPValue(62, 1000, 40, 1000, true))
        .isCloseTo(0.012672902890838049, CLOSE);
  }

  @Test
  void twoProportionSmallDifferenceIsNotSignificant() {
    // proportions_ztest([12, 10], [400, 400], alternative="larger")
    assertThat(SignificanceTests.twoProportionPValue(12, 400, 10, 400, true))
        .isCloseTo(0.3327296403625192, CLOSE);
  }

  @Test
  void twoProportionDecrease() {
    // proportions_ztest([30, 60], [2000, 2000], alternative="smaller")
    assertThat(SignificanceTests.twoProportionPValue(30, 2000, 60, 2000, false))
        .isCloseTo(0.000690806262866293, CLOSE);
  }

  @Test
  void twoProportionUnequalSizesDeepTail() {
    // proportions_ztest([6, 50], [100, 10000], alternative="larger")
    assertThat(SignificanceTests.twoProportionPValue(6, 100, 50, 10000, true))
        .isCloseTo(8.522150731725536e-14, Percentage.withPercentage(1e-4));
  }

  @Test
  void twoProportionWithoutVarianceOrCountsCarriesNoEvidence() {
    // statsmodels answers NaN here; a gate must read that as "not significant".
    assertThat(SignificanceTests.twoProportionPValue(0, 100, 0, 100, true)).isEqualTo(1.0);
    assertThat(SignificanceTests.twoProportionPValue(0, 0, 3, 100, true)).isEqualTo(1.0);
  }

  @Test
  void mannWhitneyExactWhenSeparated() {
    double[] candidate = {420, 410, 430, 415, 440, 425, 435, 418, 428, 422};
    double[] baseline = {200, 210, 190, 205, 198, 202, 207, 195, 199, 201};
    // mannwhitneyu(candidate, baseline, alternative="greater", method="exact") -> U=100
    assertThat(SignificanceTests.mannWhitneyPValue(candidate, baseline, true))
        .isCloseTo(5.412544112234515e-06, CLOSE);
  }

  @Test
  void mannWhitneyExactWhenOverlapping() {
    double[] x = {1.1, 2.3, 3.5, 4.2, 5.0};
    double[] y = {0.9, 1.8, 2.2, 3.1, 4.0, 4.4};
    // mannwhitneyu(x, y, alternative="greater", method="exact") -> U=19
    assertThat(SignificanceTests.mannWhitneyPValue(x, y, true))
        .isCloseTo(0.2683982683982684, CLOSE);
    // mannwhitneyu(y, x, alternative="less", method="exact") -> U=11
    assertThat(SignificanceTests.mannWhitneyPValue(y, x, false))
        .isCloseTo(0.2683982683982684, CLOSE);
  }

  @Test
  void mannWhitneyWithTiesUsesTheCorrectedNormalApproximation() {
    double[] x = {3, 3, 4, 5, 5, 6};
    double[] y = {1, 2, 3, 3, 4, 4};
    // mannwhitneyu(x, y, alternative="greater", method="asymptotic") -> U=29
    assertThat(SignificanceTests.mannWhitneyPValue(x, y, true))
        .isCloseTo(0.04206132830119123, CLOSE);
  }

  @Test
  void mannWhitneyLargeSamples() {
    // 60 + 60 points drawn with Python's random.Random(7): gauss(10.3, 1) and gauss(10, 1).
    // mannwhitneyu(big1, big2, alternative="greater", method="asymptotic") -> U=2061
    assertThat(SignificanceTests.mannWhitneyPValue(BIG1, BIG2, true))
        .isCloseTo(0.08577028141193177, CLOSE);
  }

  @Test
  void mannWhitneyIgnoresPeriodsWithoutDataAndEmptySides() {
    double[] x = {1.1, Double.NaN, 2.3, 3.5, 4.2, 5.0};
    double[] y = {0.9, 1.8, 2.2, 3.1, 4.0, 4.4};
    assertThat(SignificanceTests.mannWhitneyPValue(x, y, true))
        .isCloseTo(0.2683982683982684, CLOSE);
    assertThat(SignificanceTests.mannWhitneyPValue(new double[0], y, true)).isNaN();
    assertThat(SignificanceTests.mannWhitneyPValue(x, new double[] {Double.NaN}, true)).isNaN();
  }

  private static final double[] BIG1 = {
    10.04412, 10.811432, 10.073904, 9.984932, 9.369982, 10.086698, 11.411917, 10.724147, 11.336879,
    10.548903, 10.69477, 10.485327, 8.633937, 11.155251, 10.806385, 10.798818, 8.608635, 8.556112,
    9.410385, 9.831811, 10.605446, 10.254088, 10.820975, 9.657765, 10.608703, 10.694154, 9.638863,
    12.01753, 10.856609, 11.497005, 9.679667, 9.560484, 9.955953, 10.193579, 10.932079, 10.548427,
    9.852645, 9.343088, 9.77941, 11.520921, 9.492054, 10.544759, 10.726519, 8.810257, 10.348474,
    11.606244, 8.285636, 9.978406, 10.193861, 9.48274, 10.79739, 10.23772, 8.835343, 11.127846,
    10.969336, 11.245842, 11.740597, 10.662244, 10.419274, 9.000832
  };
  private static final double[] BIG2 = {
    10.615443, 9.388241, 9.547298, 8.735212, 9.032386, 9.468879, 11.288838, 7.968208, 8.542294,
    10.239351, 11.44335, 10.578497, 8.100057, 7.481765, 10.357397, 9.263738, 8.880213, 10.977371,
    11.101786, 10.157252, 10.245777, 10.434363, 11.594004, 10.619029, 10.51865, 10.547738, 8.431689,
    11.281734, 10.955102, 10.529624, 8.026125, 9.36632, 10.842304, 8.188786, 9.815978, 11.019528,
    8.688811, 11.610106, 10.551964, 9.849861, 10.324867, 10.649831, 10.120394, 11.14566, 9.338455,
    9.585264, 11.041685, 10.026799, 9.119536, 10.946455, 11.465498, 9.555174, 8.620007, 9.865252,
    9.850981, 9.702, 11.40477, 8.973064, 11.260587, 8.731678
  };
}

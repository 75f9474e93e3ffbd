package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class MixtureSprtTest {

  @Test
  void eachPeriodAddsTheBinomialLogLikelihoodRatio() {
    // The closed form against the library's binomial probabilities, for three periods.
    int[] x = {3, 0, 7};
    int[] m = {10, 4, 12};
    double[] theta0 = {0.2, 0.3, 0.4};
    double expected = 0;
    for (double factor : MixtureSprt.ODDS_FACTORS) {
      double logRatio = 0;
      for (int i = 0; i < x.length; i++) {
        double odds = theta0[i] / (1 - theta0[i]) * factor;
        double p = odds / (1 + odds);
        logRatio +=
            BinomialDistribution.of(m[i], p).logProbability(x[i])
                - BinomialDistribution.of(m[i], theta0[i]).logProbability(x[i]);
      }
      expected += Math.exp(logRatio) / MixtureSprt.ODDS_FACTORS.length;
    }
    double actual =
        MixtureSprt.logEValue(new double[] {3, 0, 7}, new double[] {10, 4, 12}, theta0, true);
    assertThat(actual).isCloseTo(Math.log(expected), offset(1e-9));
  }

  @Test
  void lessLooksAtTheOtherSide() {
    double[] x = {1};
    double[] m = {20};
    assertThat(MixtureSprt.logEValue(x, m, new double[] {0.5}, false)).isGreaterThan(3);
    assertThat(MixtureSprt.logEValue(x, m, new double[] {0.5}, true)).isLessThan(0);
  }

  @Test
  void aSuccessAtChanceZeroIsConclusiveAndPeriodsWithoutTrialsCarryNothing() {
    assertThat(MixtureSprt.logEValue(new double[] {1}, new double[] {5}, new double[] {0}, true))
        .isInfinite();
    assertThat(MixtureSprt.logEValue(new double[] {0}, new double[] {0}, new double[] {0.3}, true))
        .isZero();
  }

  @Test
  void underTheNullTheEValueRarelyEverCrossesItsThresholdHoweverOftenItIsLookedAt() {
    // Ville's inequality: P(sup e >= 1/alpha) <= alpha. 500 healthy series of 120 looks at 1%.
    SplittableRandom random = new SplittableRandom(7);
    double alpha = 0.05;
    int crossed = 0;
    int series = 500;
    for (int s = 0; s < series; s++) {
      double[] x = new double[120];
      double[] m = new double[120];
      double[] theta0 = new double[120];
      java.util.Arrays.fill(theta0, 0.01);
      for (int look = 0; look < 120; look++) {
        m[look] = 100;
        for (int r = 0; r < 100; r++) {
          x[look] += random.nextDouble() < 0.01 ? 1 : 0;
        }
        double[] xs = java.util.Arrays.copyOf(x, look + 1);
        double[] ms = java.util.Arrays.copyOf(m, look + 1);
        double[] ts = java.util.Arrays.copyOf(theta0, look + 1);
        if (MixtureSprt.logEValue(xs, ms, ts, true) >= Math.log(1 / alpha)) {
          crossed++;
          break;
        }
      }
    }
    assertThat(crossed / (double) series).isLessThanOrEqualTo(alpha);
  }

  @Test
  void aClearEffectCrossesQuickly() {
    // 3% errors tested against 1%: 300 requests a minute give e >= 1000 within five minutes.
    double[] x = {9, 9, 9, 9, 9};
    double[] m = {300, 300, 300, 300, 300};
    double[] theta0 = {0.01, 0.01, 0.01, 0.01, 0.01};
    assertThat(MixtureSprt.logEValue(x, m, theta0, true)).isGreaterThan(Math.log(1000));
  }
}

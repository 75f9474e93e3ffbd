package dev.flightplan.bench.quality;

import org.apache.commons.statistics.distribution.BetaDistribution;

/** {@code hits} out of {@code trials}, with an exact confidence interval. */
public record Proportion(long hits, long trials) {
  public Proportion {
    if (trials < 0 || hits < 0 || hits > trials) {
      throw new IllegalArgumentException(hits + " of " + trials);
    }
  }

  public double share() {
    return trials == 0 ? Double.NaN : (double) hits / trials;
  }

  /**
   * The Clopper–Pearson interval (Clopper and Pearson, Biometrika 26, 1934): the Beta quantiles
   * that bound a binomial proportion with at least {@code confidence} coverage, so it is never too
   * narrow, even with no hits at all.
   */
  public double[] interval(double confidence) {
    if (trials == 0) {
      return new double[] {0, 1};
    }
    double tail = (1 - confidence) / 2;
    double lower =
        hits == 0
            ? 0
            : BetaDistribution.of(hits, trials - hits + 1).inverseCumulativeProbability(tail);
    double upper =
        hits == trials
            ? 1
            : BetaDistribution.of(hits + 1, trials - hits).inverseCumulativeProbability(1 - tail);
    return new double[] {lower, upper};
  }
}

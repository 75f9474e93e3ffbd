package dev.flightplan.core.gate;

/**
 * Anytime-valid evidence from binomial counts (docs/design.md §2.5): a mixture sequential
 * probability ratio test (Robbins, "Statistical methods related to the law of the iterated
 * logarithm", Ann. Math. Statist. 41, 1970; Howard, Ramdas, McAuliffe and Sekhon, "Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Ann. Statist. 49, 2021).
 *
 * <p>Period {@code i} contributes {@code x[i]} successes out of {@code m[i]} trials whose success
 * chance is at most {@code theta0[i]} under the null (at least, when testing for less). Against
 * each alternative that multiplies the odds by a factor of {@link #ODDS_FACTORS}, the likelihood
 * ratio of all periods is a nonnegative supermartingale under the null (the binomial has a monotone
 * likelihood ratio); their average is one too. By Ville's inequality the chance that it ever
 * reaches {@code 1/alpha}, however often it is looked at, is at most {@code alpha}.
 *
 * <p>The two-rate comparison conditions on the total count of each period: with Poisson counts at
 * rates {@code a} and {@code b} over exposures {@code n} and {@code k}, the first rate's share is
 * binomial with chance {@code a n / (a n + b k)} (Przyborowski and Wilenski, "Homogeneity of
 * results in testing samples from Poisson series", Biometrika 31, 1940), exact at any count.
 */
public final class MixtureSprt {
  /** Effect sizes mixed over, as odds multipliers; equal weights. */
  static final double[] ODDS_FACTORS = {1.25, 1.5, 2, 3, 5, 10};

  private MixtureSprt() {}

  /**
   * The natural log of the mixture e-value: evidence that successes are more likely than {@code
   * theta0} ({@code greater}) or less likely. Periods with no trials carry nothing. Infinite when a
   * period shows what the null forbids (a success at chance 0).
   */
  public static double logEValue(double[] x, double[] m, double[] theta0, boolean greater) {
    double[] logRatios = new double[ODDS_FACTORS.length];
    for (int i = 0; i < x.length; i++) {
      if (!(m[i] > 0)) {
        continue;
      }
      double p0 = theta0[i];
      double wins = greater ? x[i] : m[i] - x[i];
      double chance = greater ? p0 : 1 - p0;
      if (chance <= 0) {
        if (wins > 0) {
          return Double.POSITIVE_INFINITY;
        }
        continue;
      }
      if (chance >= 1) {
        continue;
      }
      addPeriod(logRatios, wins, m[i], chance);
    }
    return logMean(logRatios);
  }

  /** Adds one period's log likelihood ratio for each alternative. */
  private static void addPeriod(double[] logRatios, double wins, double trials, double chance) {
    double odds0 = chance / (1 - chance);
    for (int j = 0; j < ODDS_FACTORS.length; j++) {
      double odds = odds0 * ODDS_FACTORS[j];
      double p = odds / (1 + odds);
      logRatios[j] +=
          wins * Math.log(p / chance)
              + (trials - wins) * Math.log1p(-p)
              - (trials - wins) * Math.log1p(-chance);
    }
  }

  /** log of the mean of exp(values), without overflow. */
  private static double logMean(double[] logs) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logs) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : logs) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum / logs.length);
  }
}

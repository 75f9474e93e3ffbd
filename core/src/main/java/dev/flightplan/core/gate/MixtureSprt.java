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

  private static final double[] LOG_FACTORS = new double[ODDS_FACTORS.length];

  static {
    for (int j = 0; j < ODDS_FACTORS.length; j++) {
      LOG_FACTORS[j] = Math.log(ODDS_FACTORS[j]);
    }
  }

  /** The log likelihood ratio of each alternative, summed over the periods added so far. */
  private final double[] logRatios = new double[ODDS_FACTORS.length];

  private boolean conclusive;

  /** The per-alternative failure terms for the last chance seen: most series repeat one chance. */
  private final double[] failureTerms = new double[ODDS_FACTORS.length];

  private double termsChance = Double.NaN;

  /**
   * @param greater whether the alternatives make successes more likely than the null's chance
   */
  private final boolean greater;

  public MixtureSprt(boolean greater) {
    this.greater = greater;
  }

  /**
   * The natural log of the mixture e-value of the periods: evidence that successes are more likely
   * than {@code theta0} ({@code greater}) or less likely.
   */
  public static double logEValue(double[] x, double[] m, double[] theta0, boolean greater) {
    MixtureSprt test = new MixtureSprt(greater);
    for (int i = 0; i < x.length; i++) {
      test.add(x[i], m[i], theta0[i]);
    }
    return test.logEValue();
  }

  /**
   * Adds a period of {@code x} successes in {@code m} trials at null chance {@code theta0}. A
   * period without trials carries nothing; a success at a chance of zero is conclusive.
   */
  public void add(double x, double m, double theta0) {
    if (!(m > 0)) {
      return;
    }
    double wins = greater ? x : m - x;
    double chance = greater ? theta0 : 1 - theta0;
    if (chance <= 0) {
      conclusive |= wins > 0;
      return;
    }
    if (chance >= 1) {
      return;
    }
    // With odds o0 = chance / (1 - chance) and o = r * o0, the Bernoulli log likelihood ratio is
    // ln r - ln(1 + o) + ln(1 + o0) for a success and ln(1 + o0) - ln(1 + o) for a failure.
    if (chance != termsChance) {
      double odds0 = chance / (1 - chance);
      double base = Math.log1p(odds0);
      for (int j = 0; j < ODDS_FACTORS.length; j++) {
        failureTerms[j] = base - Math.log1p(odds0 * ODDS_FACTORS[j]);
      }
      termsChance = chance;
    }
    for (int j = 0; j < ODDS_FACTORS.length; j++) {
      logRatios[j] += wins * LOG_FACTORS[j] + m * failureTerms[j];
    }
  }

  /** The natural log of the mixture e-value so far: infinite once a period was conclusive. */
  public double logEValue() {
    if (conclusive) {
      return Double.POSITIVE_INFINITY;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logRatios) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : logRatios) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum / logRatios.length);
  }
}

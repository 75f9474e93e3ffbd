package dev.flightplan.cli.local;

import java.util.random.RandomGenerator;

/** Random draws of the traffic simulator: counts, failures and latencies as services show them. */
final class Noise {
  private Noise() {}

  /** Poisson: exact for small means, the normal approximation above (the counts are large). */
  static long poisson(RandomGenerator random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    long k = 0;
    double product = random.nextDouble();
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }

  /** Binomial: failures among {@code n} requests that each fail with probability {@code p}. */
  static long binomial(RandomGenerator random, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    double variance = n * p * (1 - p);
    if (variance > 9) {
      return Math.clamp(Math.round(n * p + Math.sqrt(variance) * random.nextGaussian()), 0, n);
    }
    // Rare failures: Poisson with the same mean is close and cheap.
    return Math.min(n, poisson(random, n * p));
  }

  /** Log-normal around {@code median}: latencies have a long right tail. */
  static double logNormal(RandomGenerator random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }
}

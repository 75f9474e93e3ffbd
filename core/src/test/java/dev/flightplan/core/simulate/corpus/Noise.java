package dev.flightplan.core.simulate.corpus;

import java.util.Random;

/**
 * How a minute's draws scatter around its {@link Conditions}. Requests are Poisson and errors
 * binomial; on top, the error rate may wander from minute to minute (overdispersion, as real
 * services show) and the p95 latency is either lightly jittered or heavy-tailed.
 *
 * <p>Draws use {@link Random} and {@link StrictMath}, whose results the JDK specifies exactly, so a
 * seed gives the same trace on every JDK and machine.
 *
 * @param errorRateJitter standard deviation of the minute's log error rate (0: none)
 * @param heavyTailedLatency whether the p95 has occasional large spikes
 */
record Noise(double errorRateJitter, boolean heavyTailedLatency) {
  static final Noise PLAIN = new Noise(0, false);

  private static final double LIGHT_SIGMA = 0.04;
  private static final double HEAVY_SIGMA = 0.15;
  private static final double SPIKE_CHANCE = 0.08;
  private static final double SPIKE_TAIL = 1.5;
  private static final double SPIKE_CAP = 15;

  /** One minute's draws: requests, errors and p95 latency. */
  Minute draw(Conditions conditions, Random random) {
    long requests = poisson(conditions.requests(), random);
    double rate = conditions.errorRate();
    if (errorRateJitter > 0) {
      rate = Math.min(1, rate * StrictMath.exp(errorRateJitter * random.nextGaussian()));
    }
    long errors = binomial(requests, rate, random);
    return new Minute(requests, errors, conditions.latencyMs() * latencyFactor(random));
  }

  /** A minute as drawn. */
  record Minute(long requests, long errors, double latencyMs) {}

  private double latencyFactor(Random random) {
    if (!heavyTailedLatency) {
      return StrictMath.exp(LIGHT_SIGMA * random.nextGaussian());
    }
    double factor = StrictMath.exp(HEAVY_SIGMA * random.nextGaussian());
    if (random.nextDouble() < SPIKE_CHANCE) {
      // Pareto spike: a slow dependency, a GC pause, a cold start.
      factor *= Math.min(SPIKE_CAP, StrictMath.pow(1 - random.nextDouble(), -1 / SPIKE_TAIL));
    }
    return factor;
  }

  /** Knuth's product of uniforms below 30 expected; a rounded normal draw above. */
  static long poisson(double mean, Random random) {
    if (mean >= 30) {
      return Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * random.nextGaussian()));
    }
    double limit = StrictMath.exp(-mean);
    long count = 0;
    for (double product = random.nextDouble(); product > limit; product *= random.nextDouble()) {
      count++;
    }
    return count;
  }

  static long binomial(long trials, double chance, Random random) {
    long successes = 0;
    for (long i = 0; i < trials; i++) {
      successes += random.nextDouble() < chance ? 1 : 0;
    }
    return successes;
  }
}

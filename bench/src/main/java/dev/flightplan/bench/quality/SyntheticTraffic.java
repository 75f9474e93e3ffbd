package dev.flightplan.bench.quality;

import dev.flightplan.core.simulate.Trace;
import dev.flightplan.core.simulate.TracePoint;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Per-minute metrics of a candidate and a baseline variant, as a service behind a flag would
 * publish them to CloudWatch: {@code Requests} and {@code Errors} sums (an {@code Errors} row every
 * minute, 0 when nothing failed) and the {@code Latency} p95 with its request count.
 *
 * <p>Requests are Poisson; each fails independently with the error rate, so errors are Binomial
 * given the requests. Both are drawn exactly, by thinning: failed and successful requests are
 * independent Poisson counts with means {@code rate·p} and {@code rate·(1-p)}, whose sum is the
 * Poisson request count. One request's latency is lognormal (p95 {@value #LATENCY_P95_MILLIS} ms);
 * a minute's p95 is the nearest-rank order statistic of its requests, drawn exactly as the normal
 * quantile of a Beta order statistic of uniforms. On top come a load swing shared by both variants
 * and a smaller one per variant, each minute.
 */
public final class SyntheticTraffic {
  public static final String REQUESTS = "Requests";
  public static final String ERRORS = "Errors";
  public static final String LATENCY = "Latency";
  public static final double LATENCY_P95_MILLIS = 120;

  /** Spread of one request's log-latency. */
  static final double REQUEST_LOG_SIGMA = 0.5;

  /** Minute-to-minute swing of the log-latency of both variants (load, dependencies). */
  static final double SHARED_MINUTE_LOG_SIGMA = 0.05;

  /** Minute-to-minute swing of one variant's log-latency on its own (hosts, pauses). */
  static final double VARIANT_MINUTE_LOG_SIGMA = 0.03;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final double REQUEST_MEDIAN_MILLIS =
      LATENCY_P95_MILLIS
          / Math.exp(REQUEST_LOG_SIGMA * STANDARD_NORMAL.inverseCumulativeProbability(0.95));

  private final TrafficProfile traffic;
  private final Regression regression;
  private final UniformRandomProvider random;
  private final NormalizedGaussianSampler gaussian;

  private SyntheticTraffic(
      TrafficProfile traffic, Regression regression, UniformRandomProvider random) {
    this.traffic = traffic;
    this.regression = regression;
    this.random = random;
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(random);
  }

  /**
   * {@code minutes} one-minute periods from {@code start}; the same random draws, the same trace.
   */
  public static Trace generate(
      TrafficProfile traffic,
      Regression regression,
      Instant start,
      int minutes,
      UniformRandomProvider random) {
    SyntheticTraffic source = new SyntheticTraffic(traffic, regression, random);
    Trace.Builder trace = Trace.builder();
    for (int minute = 0; minute < minutes; minute++) {
      source.minute(trace, start.plus(Duration.ofMinutes(minute)), minute);
    }
    return trace.build();
  }

  private void minute(Trace.Builder trace, Instant at, int minute) {
    double sharedSwing = Math.exp(SHARED_MINUTE_LOG_SIGMA * gaussian.sample());
    variant(trace, at, Trace.CANDIDATE, minute, sharedSwing);
    variant(trace, at, Trace.BASELINE, minute, sharedSwing);
  }

  private void variant(
      Trace.Builder trace, Instant at, String variant, int minute, double sharedSwing) {
    boolean candidate = variant.equals(Trace.CANDIDATE);
    double errorRate =
        Math.min(1, traffic.errorRate() * (candidate ? regression.errorRateFactor(minute) : 1));
    long errors = poisson(traffic.requestsPerMinute() * errorRate);
    long requests = errors + poisson(traffic.requestsPerMinute() * (1 - errorRate));
    trace.add(REQUESTS, variant, at, requests, TracePoint.UNKNOWN);
    trace.add(ERRORS, variant, at, errors, TracePoint.UNKNOWN);
    if (requests > 0) {
      double swing = sharedSwing * Math.exp(VARIANT_MINUTE_LOG_SIGMA * gaussian.sample());
      double factor = candidate ? regression.latencyFactor(minute) : 1;
      trace.add(LATENCY, variant, at, p95Millis(requests, random) * swing * factor, requests);
    }
  }

  private long poisson(double mean) {
    return mean > 0 ? PoissonSampler.of(random, mean).sample() : 0;
  }

  /**
   * The nearest-rank p95 of {@code requests} lognormal latencies: the k-th smallest of n uniforms
   * is Beta(k, n - k + 1), mapped through the latency's quantile function.
   */
  static double p95Millis(long requests, UniformRandomProvider random) {
    long rank = (long) Math.ceil(0.95 * requests);
    double uniform = ChengBetaSampler.of(random, rank, requests - rank + 1).sample();
    double bounded = Math.min(Math.max(uniform, Double.MIN_NORMAL), Math.nextDown(1.0));
    double z = STANDARD_NORMAL.inverseCumulativeProbability(bounded);
    return REQUEST_MEDIAN_MILLIS * Math.exp(REQUEST_LOG_SIGMA * z);
  }
}

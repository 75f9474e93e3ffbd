package dev.flightplan.cli.local;

import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import java.util.Random;
import java.util.stream.DoubleStream;

/**
 * What the simulated service shows for one metric and variant over a query's lookback: each period
 * drawn in turn, then combined into one sample.
 */
final class SimulatedLookback {
  /** Period-to-period spread of latency (log scale) and of gauges (relative). */
  static final double LATENCY_SIGMA = 0.08;

  static final double GAUGE_SPREAD = 0.01;

  private final MetricSpec spec;
  private final MetricProfile profile;
  private final DoubleStream.Builder points = DoubleStream.builder();
  private long requests;
  private long errors;
  private double weighted;

  SimulatedLookback(MetricSpec spec, MetricProfile profile) {
    this.spec = spec;
    this.profile = profile;
  }

  /** Adds one period with {@code count} requests, served under {@code conditions}. */
  void add(Random random, long count, TrafficSimulator.Conditions conditions, String variant) {
    if (count == 0) {
      return;
    }
    boolean candidate = variant.equals(TrafficSimulator.CANDIDATE);
    double value =
        switch (profile.kind()) {
          case RATIO -> {
            double rate =
                candidate && !Double.isNaN(conditions.errorRate())
                    ? conditions.errorRate()
                    : profile.level();
            long failed = Noise.binomial(random, count, rate);
            errors += failed;
            yield failed / (double) count;
          }
          case LATENCY -> {
            double factor = candidate ? conditions.latencyFactor() : 1;
            yield Noise.logNormal(random, profile.level() * factor, LATENCY_SIGMA);
          }
          case COUNT -> count;
          case GAUGE -> profile.level() * (1 + GAUGE_SPREAD * random.nextGaussian());
        };
    requests += count;
    weighted += value * count;
    points.add(value);
  }

  /** The reading over every period added, combined as CloudWatch combines the statistic. */
  VariantSample sample() {
    double[] values = points.build().toArray();
    if (profile.kind() == MetricProfile.Kind.RATIO) {
      return VariantSample.ratio(errors, requests, values);
    }
    double value =
        switch (spec.stat()) {
          case "Sum" -> DoubleStream.of(values).sum();
          case "SampleCount" -> requests;
          case "Minimum" -> DoubleStream.of(values).min().orElse(Double.NaN);
          case "Maximum" -> DoubleStream.of(values).max().orElse(Double.NaN);
          case "Average" -> requests > 0 ? weighted / requests : Double.NaN;
          // Percentiles cannot be combined exactly; the mean of the periods is close enough.
          default -> DoubleStream.of(values).average().orElse(Double.NaN);
        };
    return VariantSample.of(value, requests, values);
  }
}

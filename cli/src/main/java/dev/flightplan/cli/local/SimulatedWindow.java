package dev.flightplan.cli.local;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;

/**
 * What the simulated service shows for one metric and variant over an evidence window: each period
 * drawn in turn, then combined into one sample with its periods. A period without requests has no
 * datapoint, as in CloudWatch.
 */
final class SimulatedWindow {
  /** Period-to-period spread of latency (log scale) and of gauges (relative). */
  static final double LATENCY_SIGMA = 0.08;

  static final double GAUGE_SPREAD = 0.01;

  private final MetricSpec spec;
  private final MetricProfile profile;
  private final long[] starts;
  private final double[] values;
  private final double[] counts;
  private int size;
  private long requests;
  private double weighted;

  SimulatedWindow(MetricSpec spec, MetricProfile profile, int periods) {
    this.spec = spec;
    this.profile = profile;
    this.starts = new long[periods];
    this.values = new double[periods];
    this.counts = new double[periods];
  }

  /**
   * Adds the period starting at {@code start} (epoch seconds) with {@code count} requests, served
   * under {@code conditions}.
   */
  void add(
      long start,
      RandomGenerator random,
      long count,
      TrafficSimulator.Conditions conditions,
      String variant) {
    if (count == 0) {
      return;
    }
    double value = draw(profile, random, count, conditions, variant);
    starts[size] = start;
    values[size] = value;
    counts[size++] = count;
    requests += count;
    weighted += value * count;
  }

  /** One period's value of a metric shaped like {@code profile}, with {@code count} requests. */
  static double draw(
      MetricProfile profile,
      RandomGenerator random,
      long count,
      TrafficSimulator.Conditions conditions,
      String variant) {
    boolean candidate = variant.equals(TrafficSimulator.CANDIDATE);
    return switch (profile.kind()) {
      case RATIO -> {
        double rate =
            candidate && !Double.isNaN(conditions.errorRate())
                ? conditions.errorRate()
                : profile.level();
        yield Noise.binomial(random, count, rate);
      }
      case LATENCY -> {
        double factor = candidate ? conditions.latencyFactor() : 1;
        yield Noise.logNormal(random, profile.level() * factor, LATENCY_SIGMA);
      }
      case COUNT -> count;
      case GAUGE -> profile.level() * (1 + GAUGE_SPREAD * random.nextGaussian());
    };
  }

  /** The reading over every period added, combined as CloudWatch combines the statistic. */
  VariantSample sample() {
    PeriodSeries periods =
        new PeriodSeries(
            Arrays.copyOf(starts, size), Arrays.copyOf(values, size), Arrays.copyOf(counts, size));
    if (profile.kind() == MetricProfile.Kind.RATIO) {
      return VariantSample.ratio(periods);
    }
    DoubleStream points = DoubleStream.of(periods.values());
    double value =
        switch (spec.stat()) {
          case "Sum" -> points.sum();
          case "SampleCount" -> requests;
          case "Minimum" -> points.min().orElse(Double.NaN);
          case "Maximum" -> points.max().orElse(Double.NaN);
          case "Average" -> requests > 0 ? weighted / requests : Double.NaN;
          // Percentiles cannot be combined exactly; the mean of the periods is close enough.
          default -> points.average().orElse(Double.NaN);
        };
    return VariantSample.of(value, requests, periods);
  }
}

package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import java.time.Instant;
import java.util.Map;

/** One variant's sample from the series of its queries; null when there are no datapoints. */
final class VariantSamples {
  private VariantSamples() {}

  static VariantSample sample(MetricSpec spec, Map<Part, Series> series) {
    return spec.isRatio() ? ratio(series) : plain(spec.stat(), series);
  }

  /**
   * Summed numerator over summed denominator; per-period ratios for every period with requests. A
   * period without a numerator datapoint had no errors: many services publish none then.
   */
  private static VariantSample ratio(Map<Part, Series> series) {
    Series numerator = series.get(Part.NUMERATOR);
    Series denominator = series.get(Part.DENOMINATOR);
    if (denominator.isEmpty()) {
      return null;
    }
    int size = denominator.points().size();
    long[] starts = new long[size];
    double[] numerators = new double[size];
    double[] denominators = new double[size];
    int i = 0;
    for (Map.Entry<Instant, Double> period : denominator.points().entrySet()) {
      starts[i] = period.getKey().getEpochSecond();
      numerators[i] = numerator.points().getOrDefault(period.getKey(), 0.0);
      denominators[i++] = period.getValue();
    }
    return VariantSample.ratio(new PeriodSeries(starts, numerators, denominators));
  }

  private static VariantSample plain(String stat, Map<Part, Series> series) {
    Series values = series.get(Part.VALUE);
    if (values.isEmpty()) {
      return null;
    }
    Series counts = series.get(Part.COUNT);
    double value;
    if (Aggregates.combinable(stat)) {
      value = Aggregates.combine(stat, values, counts);
    } else {
      Series window = series.get(Part.WINDOW);
      if (window.isEmpty()) {
        return null;
      }
      value = window.points().lastEntry().getValue();
    }
    long samples = samples(stat, values, counts);
    return VariantSample.of(value, samples, periods(values, counts));
  }

  /** The statistic per period with the requests behind it where CloudWatch gave them. */
  private static PeriodSeries periods(Series values, Series counts) {
    int size = values.points().size();
    long[] starts = new long[size];
    double[] points = new double[size];
    double[] requests = new double[size];
    int i = 0;
    for (Map.Entry<Instant, Double> period : values.points().entrySet()) {
      starts[i] = period.getKey().getEpochSecond();
      points[i] = period.getValue();
      requests[i++] =
          counts == null ? Double.NaN : counts.points().getOrDefault(period.getKey(), Double.NaN);
    }
    return new PeriodSeries(starts, points, requests);
  }

  /** Requests behind the value: the summed SampleCount; -1 when CloudWatch gave none. */
  private static long samples(String stat, Series values, Series counts) {
    if (stat.equals("SampleCount")) {
      return Math.round(values.sum());
    }
    return counts == null || counts.isEmpty() ? -1 : Math.round(counts.sum());
  }
}

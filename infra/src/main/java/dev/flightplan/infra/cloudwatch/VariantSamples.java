package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    List<Double> points = new ArrayList<>();
    for (Map.Entry<Instant, Double> period : denominator.points().entrySet()) {
      if (period.getValue() > 0) {
        points.add(numerator.points().getOrDefault(period.getKey(), 0.0) / period.getValue());
      }
    }
    double[] ratios = points.stream().mapToDouble(Double::doubleValue).toArray();
    return VariantSample.ratio(numerator.sum(), denominator.sum(), ratios);
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
    return VariantSample.of(value, samples, values.values());
  }

  /** Requests behind the value: the summed SampleCount; -1 when CloudWatch gave none. */
  private static long samples(String stat, Series values, Series counts) {
    if (stat.equals("SampleCount")) {
      return Math.round(values.sum());
    }
    return counts == null || counts.isEmpty() ? -1 : Math.round(counts.sum());
  }
}

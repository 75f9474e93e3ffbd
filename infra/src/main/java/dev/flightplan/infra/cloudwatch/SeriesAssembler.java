package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import dev.flightplan.infra.cloudwatch.QueryKey.Variant;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One metric's series from the series of its queries: any failed query fails the metric. A ratio
 * has a period wherever the denominator has a datapoint, with the numerator's sum or NaN where it
 * has none (the core decides what that means); any other metric has the statistic's datapoints.
 */
final class SeriesAssembler {
  private SeriesAssembler() {}

  static SeriesReading reading(
      String rolloutId, MetricSpec spec, boolean baseline, Map<QueryKey, Series> all) {
    PeriodSeries candidate = null;
    PeriodSeries other = null;
    for (Variant variant : baseline ? Variant.values() : new Variant[] {Variant.CANDIDATE}) {
      Map<Part, Series> parts = new java.util.EnumMap<>(Part.class);
      for (Part part :
          spec.isRatio()
              ? new Part[] {Part.NUMERATOR, Part.DENOMINATOR}
              : new Part[] {Part.VALUE}) {
        Series series = all.get(new QueryKey(rolloutId, spec.name(), variant, part));
        if (series == null || series.isFailed()) {
          return new SeriesReading.Failed(series == null ? "no query was sent" : series.failure());
        }
        parts.put(part, series);
      }
      PeriodSeries periods = spec.isRatio() ? ratio(parts) : plain(parts.get(Part.VALUE));
      if (variant == Variant.CANDIDATE) {
        candidate = periods;
      } else {
        other = periods;
      }
    }
    return new SeriesReading.Periods(candidate, other);
  }

  private static PeriodSeries ratio(Map<Part, Series> parts) {
    NavigableMap<Instant, Double> numerator = parts.get(Part.NUMERATOR).points();
    NavigableMap<Instant, Double> denominator = parts.get(Part.DENOMINATOR).points();
    NavigableMap<Instant, Double> numerators = new TreeMap<>();
    denominator.keySet().forEach(t -> numerators.put(t, numerator.getOrDefault(t, Double.NaN)));
    return periods(numerators, denominator);
  }

  private static PeriodSeries plain(Series values) {
    NavigableMap<Instant, Double> counts = new TreeMap<>();
    values.points().keySet().forEach(t -> counts.put(t, Double.NaN));
    return periods(values.points(), counts);
  }

  private static PeriodSeries periods(
      NavigableMap<Instant, Double> values, NavigableMap<Instant, Double> counts) {
    int size = values.size();
    long[] starts = new long[size];
    double[] v = new double[size];
    double[] c = new double[size];
    int i = 0;
    for (Map.Entry<Instant, Double> point : values.entrySet()) {
      starts[i] = point.getKey().getEpochSecond();
      v[i] = point.getValue();
      c[i++] = counts.get(point.getKey());
    }
    return new PeriodSeries(starts, v, c);
  }
}

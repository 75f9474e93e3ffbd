package dev.flightplan.core.simulate;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.gate.VariantSample;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Turns the points of one variant in a window into a {@link VariantSample}, combining periods as
 * the CloudWatch adapter does. Null when there are no points.
 */
final class TraceSamples {
  private TraceSamples() {}

  /**
   * Summed numerator over summed denominator; per-period ratios for every period with requests. A
   * period without a numerator row had none: many services publish no zero counts.
   */
  static VariantSample ratio(
      NavigableMap<Instant, TracePoint> numerator, NavigableMap<Instant, TracePoint> denominator) {
    if (denominator.isEmpty()) {
      return null;
    }
    int size = denominator.size();
    long[] starts = new long[size];
    double[] numerators = new double[size];
    double[] denominators = new double[size];
    int i = 0;
    for (Map.Entry<Instant, TracePoint> period : denominator.entrySet()) {
      starts[i] = period.getKey().getEpochSecond();
      numerators[i] = valueAt(numerator, period.getKey());
      denominators[i++] = period.getValue().value();
    }
    return VariantSample.ratio(new PeriodSeries(starts, numerators, denominators));
  }

  static VariantSample plain(String stat, NavigableMap<Instant, TracePoint> points) {
    if (points.isEmpty()) {
      return null;
    }
    double[] values = points.values().stream().mapToDouble(TracePoint::value).toArray();
    long samples = stat.equals("SampleCount") ? Math.round(sum(points)) : samples(points);
    return VariantSample.of(combine(stat, points, values), samples, periods(points));
  }

  /**
   * Sums add up, extremes stay extremes, averages weigh each period by its requests when every
   * period says how many. Other statistics (percentiles, trimmed means) cannot be combined from
   * per-period values; the mean of the period values stands in for them, an approximation of what
   * CloudWatch would compute over the whole lookback.
   */
  private static double combine(String stat, Map<Instant, TracePoint> points, double[] values) {
    return switch (stat) {
      case "Sum", "SampleCount" -> sum(points);
      case "Minimum" -> Arrays.stream(values).min().orElseThrow();
      case "Maximum" -> Arrays.stream(values).max().orElseThrow();
      case "Average" -> weightedMean(points, values);
      default -> mean(values);
    };
  }

  private static double weightedMean(Map<Instant, TracePoint> points, double[] values) {
    if (samples(points) <= 0) {
      return mean(values);
    }
    double weighted = 0;
    for (TracePoint point : points.values()) {
      weighted += point.value() * point.samples();
    }
    return weighted / samples(points);
  }

  /** Requests behind the points: their sum when every point knows its count, else -1. */
  private static long samples(Map<Instant, TracePoint> points) {
    long total = 0;
    for (TracePoint point : points.values()) {
      if (!point.samplesKnown()) {
        return TracePoint.UNKNOWN;
      }
      total += point.samples();
    }
    return total;
  }

  private static PeriodSeries periods(NavigableMap<Instant, TracePoint> points) {
    long[] starts = new long[points.size()];
    double[] values = new double[points.size()];
    double[] counts = new double[points.size()];
    int i = 0;
    for (Map.Entry<Instant, TracePoint> point : points.entrySet()) {
      starts[i] = point.getKey().getEpochSecond();
      values[i] = point.getValue().value();
      counts[i++] = point.getValue().samplesKnown() ? point.getValue().samples() : Double.NaN;
    }
    return new PeriodSeries(starts, values, counts);
  }

  private static double valueAt(Map<Instant, TracePoint> points, Instant at) {
    TracePoint point = points.get(at);
    return point == null ? 0 : point.value();
  }

  private static double sum(Map<Instant, TracePoint> points) {
    return points.values().stream().mapToDouble(TracePoint::value).sum();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}

package dev.flightplan.cli.local.emf;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.StatisticNames;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * One metric's statistics over an evidence window from the minutes the store holds, period by
 * period as CloudWatch returns them: a period is a datapoint when it received anything.
 */
final class EmfStatistics {
  private final EmfStore store;
  private final MetricSpec spec;
  private final EvidenceWindow window;
  private final long period;

  EmfStatistics(EmfStore store, MetricSpec spec, EvidenceWindow window) {
    this.store = store;
    this.spec = spec;
    this.window = window;
    this.period = spec.period().toSeconds();
  }

  static boolean supports(String stat) {
    return List.of("Sum", "SampleCount", "Average", "Minimum", "Maximum").contains(stat)
        || StatisticNames.isPercentile(stat);
  }

  /** Summed numerator and denominator per period with requests; null when there are none. */
  VariantSample ratio(SeriesKey numerator, SeriesKey denominator) {
    List<Long> starts = new ArrayList<>();
    List<Double> numerators = new ArrayList<>();
    List<Double> denominators = new ArrayList<>();
    for (long start = from(); start < to(); start += period) {
      NavigableMap<Long, MinuteStats> requests = store.minutes(denominator, start, start + period);
      if (requests.isEmpty()) {
        continue;
      }
      starts.add(start);
      denominators.add(requests.values().stream().mapToDouble(MinuteStats::sum).sum());
      numerators.add(
          store.minutes(numerator, start, start + period).values().stream()
              .mapToDouble(MinuteStats::sum)
              .sum());
    }
    if (starts.isEmpty()) {
      return null;
    }
    return VariantSample.ratio(
        new PeriodSeries(
            starts.stream().mapToLong(Long::longValue).toArray(),
            numerators.stream().mapToDouble(Double::doubleValue).toArray(),
            denominators.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /** The plan's statistic per period and over the window; null when no period has data. */
  VariantSample plain(SeriesKey key) {
    String stat = spec.stat();
    List<Long> starts = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    List<MinuteStats> all = new ArrayList<>();
    for (long start = from(); start < to(); start += period) {
      List<MinuteStats> minutes = List.copyOf(store.minutes(key, start, start + period).values());
      double value = minutes.isEmpty() ? Double.NaN : statistic(stat, minutes);
      if (!Double.isNaN(value)) {
        starts.add(start);
        values.add(value);
        counts.add(minutes.stream().mapToDouble(MinuteStats::count).sum());
        all.addAll(minutes);
      }
    }
    if (starts.isEmpty()) {
      return null;
    }
    double samples = all.stream().mapToDouble(MinuteStats::count).sum();
    PeriodSeries periods =
        new PeriodSeries(
            starts.stream().mapToLong(Long::longValue).toArray(),
            values.stream().mapToDouble(Double::doubleValue).toArray(),
            counts.stream().mapToDouble(Double::doubleValue).toArray());
    return VariantSample.of(statistic(stat, all), Math.round(samples), periods);
  }

  /** Whether {@code key} received anything in the window. */
  boolean hasData(SeriesKey key) {
    return !store.minutes(key, from(), to()).isEmpty();
  }

  double sum(SeriesKey key) {
    return store.minutes(key, from(), to()).values().stream().mapToDouble(MinuteStats::sum).sum();
  }

  /** {@code stat} of the values in {@code minutes}; NaN when it has none (a percentile of sets). */
  static double statistic(String stat, List<MinuteStats> minutes) {
    double count = minutes.stream().mapToDouble(MinuteStats::count).sum();
    double sum = minutes.stream().mapToDouble(MinuteStats::sum).sum();
    return switch (stat) {
      case "Sum" -> sum;
      case "SampleCount" -> count;
      case "Average" -> count > 0 ? sum / count : Double.NaN;
      case "Minimum" -> minutes.stream().mapToDouble(MinuteStats::min).min().orElse(Double.NaN);
      case "Maximum" -> minutes.stream().mapToDouble(MinuteStats::max).max().orElse(Double.NaN);
      default ->
          ValueCounts.percentile(
              minutes.stream().map(MinuteStats::values).toList(),
              Double.parseDouble(stat.substring(1)));
    };
  }

  private long from() {
    return window.from().getEpochSecond();
  }

  private long to() {
    return window.to().getEpochSecond();
  }
}

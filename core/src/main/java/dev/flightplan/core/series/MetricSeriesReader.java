package dev.flightplan.core.series;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the gates see, as time series: every metric a gate uses, per variant, over a range of the
 * rollout (docs/design.md §5.1), read from the metrics source in one request.
 */
public final class MetricSeriesReader {
  private final MetricsSource source;
  private final Clock clock;

  public MetricSeriesReader(MetricsSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /**
   * @param from the range's start, or null for when the rollout started
   * @param to the range's end, or null for now
   * @throws SeriesRangeException when the range is empty or longer than 14 days
   */
  public RolloutSeries read(Rollout rollout, List<HistoryEntry> history, Instant from, Instant to) {
    Instant now = clock.instant();
    Plan plan = rollout.plan();
    List<MetricSpec> metrics = GateMetrics.of(plan);
    ExposureTimeline exposure = ExposureTimeline.of(history);
    Instant started =
        exposure.startedAt() != null ? exposure.startedAt() : rollout.state().createdAt();
    SeriesRange range = SeriesRange.of(from, to, started, now, GateMetrics.longestPeriod(metrics));
    Map<String, SeriesReading> readings =
        metrics.isEmpty() || range.isEmpty()
            ? Map.of()
            : source.series(rollout, new SeriesQuery(metrics, range, exposure));
    List<MetricSeries> series = new ArrayList<>();
    for (MetricSpec spec : metrics) {
      series.add(series(plan, spec, readings.get(spec.name()), range));
    }
    return new RolloutSeries(rollout.id(), range, series);
  }

  private static MetricSeries series(
      Plan plan, MetricSpec spec, SeriesReading reading, SeriesRange range) {
    MetricSeries.Kind kind = spec.isRatio() ? MetricSeries.Kind.RATIO : MetricSeries.Kind.STATISTIC;
    var thresholds = GateMetrics.thresholds(plan, spec.name());
    return switch (reading) {
      case null ->
          new MetricSeries(
              spec.name(),
              spec.unit(),
              kind,
              thresholds,
              List.of(),
              List.of(),
              range.isEmpty() ? null : "the metrics source returned nothing for it");
      case SeriesReading.Failed failed ->
          new MetricSeries(
              spec.name(), spec.unit(), kind, thresholds, List.of(), List.of(), failed.message());
      case SeriesReading.Periods periods ->
          new MetricSeries(
              spec.name(),
              spec.unit(),
              kind,
              thresholds,
              SeriesPoints.candidate(spec, periods, range),
              SeriesPoints.baseline(spec, periods, range),
              null);
    };
  }
}

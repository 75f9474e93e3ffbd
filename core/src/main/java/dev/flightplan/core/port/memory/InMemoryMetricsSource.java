package dev.flightplan.core.port.memory;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics set by hand per rollout and metric, for tests and the local mode. It records every batch
 * it was asked for and can be made to fail as a whole, like a provider outage.
 */
public class InMemoryMetricsSource implements MetricsSource {
  private final Map<String, Map<String, MetricReading>> readings = new HashMap<>();
  private final List<List<String>> batches = new ArrayList<>();
  private final Map<String, Map<String, SeriesReading>> series = new HashMap<>();
  private final List<SeriesQuery> seriesQueries = new ArrayList<>();
  private String failure;

  /** What {@code metric} of {@code rolloutId} reads from now on. */
  public synchronized InMemoryMetricsSource set(
      String rolloutId, String metric, MetricReading reading) {
    readings.computeIfAbsent(rolloutId, k -> new HashMap<>()).put(metric, reading);
    return this;
  }

  /** What {@code metric} of {@code rolloutId} answers to series requests from now on. */
  public synchronized InMemoryMetricsSource setSeries(
      String rolloutId, String metric, SeriesReading reading) {
    series.computeIfAbsent(rolloutId, k -> new HashMap<>()).put(metric, reading);
    return this;
  }

  /** Every series request, in call order. */
  public synchronized List<SeriesQuery> seriesQueries() {
    return List.copyOf(seriesQueries);
  }

  public synchronized void clear(String rolloutId) {
    readings.remove(rolloutId);
  }

  /**
   * Until {@link #recover()}, every metric of every rollout reads as {@code Failed} with this
   * message, as the port asks of a source whose provider is down.
   */
  public synchronized void failWith(String message) {
    failure = message;
  }

  public synchronized void recover() {
    failure = null;
  }

  /** The rollout ids of each {@code observe} call, in call order. */
  public synchronized List<List<String>> batches() {
    return List.copyOf(batches);
  }

  @Override
  public synchronized Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    batches.add(rollouts.stream().map(Rollout::id).toList());
    Map<String, Observations> result = new HashMap<>();
    for (Rollout rollout : rollouts) {
      Map<String, MetricReading> byMetric =
          failure == null ? readings.getOrDefault(rollout.id(), Map.of()) : failed(rollout);
      result.put(rollout.id(), new Observations(now, byMetric));
    }
    return result;
  }

  private Map<String, MetricReading> failed(Rollout rollout) {
    Map<String, MetricReading> byMetric = new HashMap<>();
    for (String metric : rollout.plan().metrics().keySet()) {
      byMetric.put(metric, new MetricReading.Failed(failure));
    }
    return byMetric;
  }

  @Override
  public synchronized Map<String, SeriesReading> series(Rollout rollout, SeriesQuery query) {
    seriesQueries.add(query);
    Map<String, SeriesReading> result = new HashMap<>();
    Map<String, SeriesReading> byMetric = series.getOrDefault(rollout.id(), Map.of());
    query
        .metrics()
        .forEach(
            spec ->
                result.put(
                    spec.name(),
                    failure != null
                        ? new SeriesReading.Failed(failure)
                        : byMetric.getOrDefault(
                            spec.name(), new SeriesReading.Periods(PeriodSeries.EMPTY, null))));
    return result;
  }
}

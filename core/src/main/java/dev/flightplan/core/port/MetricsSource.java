package dev.flightplan.core.port;

import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metrics of many rollouts at once (one batch per tick). A metric that cannot be read
 * comes back as {@code MetricReading.Failed}, never as an exception and never as a pass.
 */
public interface MetricsSource {
  Map<String, Observations> observe(List<Rollout> rollouts, Instant now);

  /**
   * The per-period data of {@code query}'s metrics for one rollout, by metric name, read in one
   * request where the provider allows. Like {@link #observe}, a metric that cannot be read comes
   * back as {@code SeriesReading.Failed}; a source that keeps no history says so for every metric.
   */
  default Map<String, SeriesReading> series(Rollout rollout, SeriesQuery query) {
    Map<String, SeriesReading> readings = new LinkedHashMap<>();
    query
        .metrics()
        .forEach(
            spec ->
                readings.put(
                    spec.name(), new SeriesReading.Failed("this metrics source keeps no series")));
    return readings;
  }
}

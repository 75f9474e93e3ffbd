package dev.flightplan.core.series;

import java.util.List;

/** The series of every gate metric of one rollout over one range. */
public record RolloutSeries(String rolloutId, SeriesRange range, List<MetricSeries> metrics) {
  public RolloutSeries {
    metrics = List.copyOf(metrics);
  }
}

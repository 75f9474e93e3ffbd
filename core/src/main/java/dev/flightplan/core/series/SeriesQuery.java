package dev.flightplan.core.series;

import dev.flightplan.core.plan.MetricSpec;
import java.util.List;

/**
 * What a metrics source is asked for: {@code metrics} over {@code range}, one point per period.
 *
 * @param exposure which phase was live when, for sources that simulate the past
 */
public record SeriesQuery(List<MetricSpec> metrics, SeriesRange range, ExposureTimeline exposure) {
  public SeriesQuery {
    metrics = List.copyOf(metrics);
  }
}

package dev.flightplan.core.series;

import dev.flightplan.core.plan.MetricSpec;
import java.time.Instant;
import java.util.List;

/**
 * One gate metric's series for the charts: values in the metric's own scale (ratios as fractions),
 * only periods with data (a gap is a gap, never 0), and the thresholds its gates compare against.
 *
 * @param unit the plan's unit, or null
 * @param baseline empty when the metric has no {@code ${variant}}
 * @param error why the metric could not be read, or null
 */
public record MetricSeries(
    String name,
    MetricSpec.Unit unit,
    Kind kind,
    List<GateThreshold> thresholds,
    List<Point> candidate,
    List<Point> baseline,
    String error) {

  public MetricSeries {
    thresholds = List.copyOf(thresholds);
    candidate = List.copyOf(candidate);
    baseline = List.copyOf(baseline);
  }

  public enum Kind {
    RATIO,
    STATISTIC
  }

  /** The value of the period starting at {@code t}. */
  public record Point(Instant t, double v) {}

  /**
   * A gate's bound on the metric.
   *
   * @param value the absolute threshold in the metric's own scale; null for relative gates
   * @param relative the relative spec as written ({@code 2x}, {@code +0.5pp}); null for absolute
   */
  public record GateThreshold(
      String gate, String op, Double value, String relative, String action) {}
}

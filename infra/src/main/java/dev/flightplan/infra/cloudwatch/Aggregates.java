package dev.flightplan.infra.cloudwatch;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Combines per-period values into the value over the window, for the statistics where that is
 * exact: sums add up, extremes stay extremes, averages weigh each period by its sample count.
 * Percentiles and the other extended statistics cannot be combined; they are read over the whole
 * window in one period instead (a {@code WINDOW} query).
 */
final class Aggregates {
  private static final Set<String> COMBINABLE =
      Set.of("Sum", "SampleCount", "Average", "Minimum", "Maximum");

  private Aggregates() {}

  static boolean combinable(String stat) {
    return COMBINABLE.contains(stat);
  }

  /** The value over the window of per-period {@code values}; {@code counts} weigh averages. */
  static double combine(String stat, Series values, Series counts) {
    return switch (stat) {
      case "Sum", "SampleCount" -> values.sum();
      case "Minimum" -> values.points().values().stream().mapToDouble(d -> d).min().orElseThrow();
      case "Maximum" -> values.points().values().stream().mapToDouble(d -> d).max().orElseThrow();
      case "Average" -> weightedMean(values, counts);
      default -> throw new IllegalArgumentException(stat + " cannot be combined across periods");
    };
  }

  /**
   * Σ(average × count) / Σ count when every period's count is known; otherwise the plain mean of
   * the period averages (never the case with CloudWatch, which returns both for the same periods).
   */
  static double weightedMean(Series values, Series counts) {
    double weighted = 0;
    double total = 0;
    for (Map.Entry<Instant, Double> point : values.points().entrySet()) {
      Double count = counts == null ? null : counts.points().get(point.getKey());
      if (count == null) {
        return values.points().values().stream().mapToDouble(d -> d).average().orElseThrow();
      }
      weighted += point.getValue() * count;
      total += count;
    }
    return total > 0 ? weighted / total : values.sum() / values.points().size();
  }
}

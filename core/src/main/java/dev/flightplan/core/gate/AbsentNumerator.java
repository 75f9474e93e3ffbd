package dev.flightplan.core.gate;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.NumeratorAbsent;
import java.util.Locale;
import java.util.Optional;

/**
 * Absent is not zero: a ratio whose numerator has no datapoint in any variant of the window while
 * its denominator counted requests most likely reads a misspelt metric or wrong dimensions, so it
 * is missing data rather than a perfect score, unless the plan says the source publishes no zero
 * counts ({@code numeratorAbsent: zero}). Where the numerator has points in some period or variant,
 * a period without one still counts as zero. Every metrics source applies this rule to what its
 * window holds, so the controller and the simulator agree.
 */
public final class AbsentNumerator {
  private AbsentNumerator() {}

  /**
   * The reading to give instead of values, if any.
   *
   * @param numeratorHasPoint whether any variant read has a numerator datapoint in the window
   * @param requests the denominator summed over every variant read
   */
  public static Optional<MetricReading> missing(
      MetricSpec spec, boolean numeratorHasPoint, double requests) {
    if (!spec.isRatio()
        || spec.ratio().numeratorAbsent() == NumeratorAbsent.ZERO
        || numeratorHasPoint
        || !(requests > 0)) {
      return Optional.empty();
    }
    return Optional.of(new MetricReading.Missing(detail(spec, requests)));
  }

  private static String detail(MetricSpec spec, double requests) {
    MetricSpec.Ratio ratio = spec.ratio();
    return "numerator "
        + ratio.numerator()
        + " has no datapoints"
        + (spec.hasVariants() ? " in either variant" : "")
        + " while "
        + ratio.denominator()
        + " has "
        + String.format(Locale.ROOT, "%,d", Math.round(requests))
        + " requests; check the metric name and dimensions, or set numeratorAbsent: zero if the"
        + " source publishes no zero counts";
  }
}

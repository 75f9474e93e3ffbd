package dev.flightplan.core.series;

import dev.flightplan.core.gate.PeriodSeries;

/** What a metrics source read for one metric over a series range. */
public sealed interface SeriesReading {

  /**
   * Per-period data of each variant, oldest first, only periods with a datapoint. For a ratio,
   * {@code values} are the numerator sums (NaN where the numerator had no datapoint) and {@code
   * counts} the denominator sums; otherwise {@code values} are the statistic.
   *
   * @param baseline null when the metric has no {@code ${variant}}
   */
  record Periods(PeriodSeries candidate, PeriodSeries baseline) implements SeriesReading {}

  /** The source could not be read (throttled, 5xx, unsupported statistic). */
  record Failed(String message) implements SeriesReading {}
}

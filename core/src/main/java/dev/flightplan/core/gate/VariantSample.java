package dev.flightplan.core.gate;

/**
 * One variant's reading of a metric over the evidence window.
 *
 * @param value the aggregate value: for ratios numerator / denominator (a fraction), otherwise the
 *     CloudWatch statistic over the window
 * @param samples requests behind the value (the denominator for ratios, SampleCount otherwise); -1
 *     when unknown
 * @param numerator for ratios, the summed numerator; NaN otherwise
 * @param denominator for ratios, the summed denominator; NaN otherwise
 * @param points the per-period values in time order; may be empty
 * @param periods the same data period by period with each period's start; empty when the source
 *     gave only totals, and then the sequential tests take the totals as one period
 */
public record VariantSample(
    double value,
    long samples,
    double numerator,
    double denominator,
    double[] points,
    PeriodSeries periods) {

  public static VariantSample ratio(double numerator, double denominator, double[] points) {
    double value = denominator > 0 ? numerator / denominator : Double.NaN;
    return new VariantSample(
        value, (long) denominator, numerator, denominator, points, PeriodSeries.EMPTY);
  }

  /** A ratio from its periods: totals summed, per-period ratios for periods with requests. */
  public static VariantSample ratio(PeriodSeries periods) {
    double numerator = 0;
    double denominator = 0;
    int withRequests = 0;
    for (int i = 0; i < periods.size(); i++) {
      numerator += periods.values()[i];
      denominator += periods.counts()[i];
      withRequests += periods.counts()[i] > 0 ? 1 : 0;
    }
    double[] points = new double[withRequests];
    for (int i = 0, at = 0; i < periods.size(); i++) {
      if (periods.counts()[i] > 0) {
        points[at++] = periods.values()[i] / periods.counts()[i];
      }
    }
    double value = denominator > 0 ? numerator / denominator : Double.NaN;
    return new VariantSample(value, (long) denominator, numerator, denominator, points, periods);
  }

  public static VariantSample of(double value, long samples, double[] points) {
    return new VariantSample(value, samples, Double.NaN, Double.NaN, points, PeriodSeries.EMPTY);
  }

  /** A plain statistic with its per-period values ({@code periods.values()}) and counts. */
  public static VariantSample of(double value, long samples, PeriodSeries periods) {
    return new VariantSample(
        value, samples, Double.NaN, Double.NaN, periods.values().clone(), periods);
  }

  public boolean isRatio() {
    return !Double.isNaN(denominator);
  }
}

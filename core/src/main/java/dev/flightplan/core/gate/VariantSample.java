package dev.flightplan.core.gate;

/**
 * One variant's reading of a metric over the lookback.
 *
 * @param value the aggregate value: for ratios numerator / denominator (a fraction), otherwise the
 *     CloudWatch statistic over the lookback
 * @param samples requests behind the value (the denominator for ratios, SampleCount otherwise); -1
 *     when unknown
 * @param numerator for ratios, the summed numerator; NaN otherwise
 * @param denominator for ratios, the summed denominator; NaN otherwise
 * @param points the per-period values in time order (for Mann-Whitney U); may be empty
 */
public record VariantSample(
    double value, long samples, double numerator, double denominator, double[] points) {

  public static VariantSample ratio(double numerator, double denominator, double[] points) {
    double value = denominator > 0 ? numerator / denominator : Double.NaN;
    return new VariantSample(value, (long) denominator, numerator, denominator, points);
  }

  public static VariantSample of(double value, long samples, double[] points) {
    return new VariantSample(value, samples, Double.NaN, Double.NaN, points);
  }

  public boolean isRatio() {
    return !Double.isNaN(denominator);
  }
}

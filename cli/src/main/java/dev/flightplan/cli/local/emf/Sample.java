package dev.flightplan.cli.local.emf;

/**
 * The values one EMF document gives a metric: a number, an array of numbers, or values with their
 * counts and statistics. {@code values} and {@code counts} are empty for a bare statistic set.
 */
record Sample(double[] values, double[] counts, double count, double sum, double min, double max) {

  static Sample of(double[] values, double[] counts) {
    double count = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      count += counts[i];
      sum += values[i] * counts[i];
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return new Sample(values, counts, count, sum, min, max);
  }
}

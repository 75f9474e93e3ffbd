package dev.flightplan.cli.local.emf;

/** One series in one minute: what CloudWatch would hold to answer any statistic of it. */
final class MinuteStats {
  private double count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final ValueCounts values = new ValueCounts();

  void add(Sample sample) {
    count += sample.count();
    sum += sample.sum();
    min = Math.min(min, sample.min());
    max = Math.max(max, sample.max());
    for (int i = 0; i < sample.values().length; i++) {
      values.add(sample.values()[i], sample.counts()[i]);
    }
  }

  double count() {
    return count;
  }

  double sum() {
    return sum;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  /** Empty when the minute had only statistic sets, which give no percentiles. */
  ValueCounts values() {
    return values;
  }
}

package dev.flightplan.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies counted in log-linear buckets without locks: 32 buckets per power of two from about a
 * microsecond to twelve days, so a bucket's midpoint is within 1.6 % of every value in it. Adding
 * is one atomic increment; {@link #drain} empties the buckets one by one, so a value added during a
 * drain lands in this drain or the next, never in neither.
 */
final class LatencyHistogram {
  static final int SUB_BUCKET_BITS = 5;
  static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
  static final int MIN_EXPONENT = -10;
  static final int OCTAVES = 40;

  /** Bucket 0 holds zero and everything below 2^-10 ms; the last holds everything from 2^30. */
  static final int BUCKETS = 1 + OCTAVES * SUB_BUCKETS;

  static final double SMALLEST = Math.scalb(1.0, MIN_EXPONENT);
  static final double LARGEST = Math.scalb(1.0, MIN_EXPONENT + OCTAVES);

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void add(double millis) {
    counts.getAndIncrement(index(millis));
  }

  /** The bucket of {@code millis}; NaN and negative values count as zero. */
  static int index(double millis) {
    if (!(millis >= SMALLEST)) {
      return 0;
    }
    if (millis >= LARGEST) {
      return BUCKETS - 1;
    }
    long bits = Double.doubleToRawLongBits(millis);
    int exponent = (int) (bits >>> 52) - 1023;
    int sub = (int) (bits >>> (52 - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
    return 1 + (exponent - MIN_EXPONENT) * SUB_BUCKETS + sub;
  }

  /** The midpoint of bucket {@code index}, rounded to the microsecond; 0 for bucket 0. */
  static double midpoint(int index) {
    if (index == 0) {
      return 0;
    }
    int exponent = (index - 1) / SUB_BUCKETS + MIN_EXPONENT;
    int sub = (index - 1) % SUB_BUCKETS;
    double middle = Math.scalb(1.0 + (sub + 0.5) / SUB_BUCKETS, exponent);
    return Math.round(middle * 1000) / 1000.0;
  }

  /** Takes every count out; what was added since the last drain, in ascending order of value. */
  LatencyBatch drain() {
    double[] values = new double[16];
    long[] taken = new long[16];
    int size = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (counts.get(i) == 0) {
        continue;
      }
      long count = counts.getAndSet(i, 0);
      if (count == 0) {
        continue;
      }
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
        taken = java.util.Arrays.copyOf(taken, size * 2);
      }
      values[size] = midpoint(i);
      taken[size++] = count;
    }
    return new LatencyBatch(
        java.util.Arrays.copyOf(values, size), java.util.Arrays.copyOf(taken, size));
  }
}

package dev.flightplan.metrics;

/**
 * Latencies drained from a {@link LatencyHistogram}: distinct values in ascending order, each with
 * the number of requests it stands for.
 */
record LatencyBatch(double[] values, long[] counts) {

  long requests() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** Values {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
  LatencyBatch slice(int from, int to) {
    return new LatencyBatch(
        java.util.Arrays.copyOfRange(values, from, to),
        java.util.Arrays.copyOfRange(counts, from, to));
  }

  int size() {
    return values.length;
  }
}

package dev.flightplan.functions.e2e;

import java.util.ArrayList;
import java.util.List;

/** Wall-clock samples of one operation, summarised as median and 99th percentile. */
final class Latencies {
  private final String name;
  private final List<Long> nanos = new ArrayList<>();

  Latencies(String name) {
    this.name = name;
  }

  void time(Runnable operation) {
    long started = System.nanoTime();
    operation.run();
    nanos.add(System.nanoTime() - started);
  }

  /** Nearest-rank percentile in milliseconds. */
  double percentile(double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  String summary() {
    return String.format(
        "%s: n = %d, p50 = %.1f ms, p99 = %.1f ms (advisory: DynamoDB Local + moto, shared"
            + " 2-core machine)",
        name, nanos.size(), percentile(50), percentile(99));
  }
}

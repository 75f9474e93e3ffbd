package dev.flightplan.infra.sns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times a call a bounded number of times and reports median and p99 in milliseconds. Advisory: the
 * servers run on a shared 2-core build machine, so the numbers are for orientation only.
 */
public final class Latencies {
  private final List<Long> nanos = new ArrayList<>();

  public static Latencies measure(int calls, Runnable call) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.run();
      latencies.nanos.add(System.nanoTime() - start);
    }
    Collections.sort(latencies.nanos);
    return latencies;
  }

  public double medianMillis() {
    return percentileMillis(50);
  }

  public double p99Millis() {
    return percentileMillis(99);
  }

  public int count() {
    return nanos.size();
  }

  /** Nearest-rank percentile. */
  public double percentileMillis(int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * nanos.size());
    return nanos.get(Math.max(0, rank - 1)) / 1e6;
  }

  public String report(String what) {
    return String.format(
        Locale.ROOT,
        "[latency, advisory] %s: n=%d median=%.2f ms p99=%.2f ms",
        what,
        count(),
        medianMillis(),
        p99Millis());
  }
}

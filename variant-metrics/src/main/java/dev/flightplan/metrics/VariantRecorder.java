package dev.flightplan.metrics;

import java.util.concurrent.atomic.LongAdder;

/** What one variant served since the last flush: latencies and errors, counted without locks. */
final class VariantRecorder {
  private final String variant;
  private final LatencyHistogram latency = new LatencyHistogram();
  private final LongAdder errors = new LongAdder();

  VariantRecorder(String variant) {
    this.variant = variant;
  }

  String variant() {
    return variant;
  }

  void record(double latencyMillis, boolean error) {
    latency.add(latencyMillis);
    if (error) {
      errors.increment();
    }
  }

  /**
   * Everything recorded since the last drain. A request recorded during the drain may have its
   * latency counted here and its error in the next drain; errors never exceed requests, the excess
   * waits for the next drain.
   */
  Drained drain() {
    LatencyBatch latencies = latency.drain();
    long requests = latencies.requests();
    long failed = errors.sumThenReset();
    if (failed > requests) {
      errors.add(failed - requests);
      failed = requests;
    }
    return new Drained(variant, requests, failed, latencies);
  }

  /** One variant's counts for one document (or several, when latencies span many buckets). */
  record Drained(String variant, long requests, long errors, LatencyBatch latencies) {}
}

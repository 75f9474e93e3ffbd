package dev.flightplan.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many threads record while another flushes: every request is counted once, in some document. */
class VariantMetricsConcurrencyTest {
  static final int THREADS = 8;
  static final int PER_THREAD = 50_000;

  @Test
  @Timeout(60)
  void recordsRacingFlushesAreEachCountedExactlyOnce() throws Exception {
    Queue<String> documents = new ConcurrentLinkedQueue<>();
    VariantMetrics metrics =
        VariantMetrics.builder("Shop", "checkout")
            .flushInterval(Duration.ZERO)
            .output(documents::add)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean recording = new AtomicBoolean(true);
    List<Future<?>> recorders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      recorders.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < PER_THREAD; i++) {
                  Variant variant = (i + thread) % 2 == 0 ? Variant.CANDIDATE : Variant.BASELINE;
                  metrics.record(variant, 1 + (i % 500), i % 20 == 0);
                }
                return null;
              }));
    }
    Future<?> flusher =
        pool.submit(
            () -> {
              go.await();
              while (recording.get()) {
                metrics.flush();
              }
              return null;
            });
    go.countDown();
    for (Future<?> recorder : recorders) {
      recorder.get();
    }
    recording.set(false);
    flusher.get();
    metrics.close();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    long requests = 0;
    long errors = 0;
    long latencies = 0;
    for (String document : documents) {
      JsonNode root = EmfSpec.read(document);
      requests += root.path("Requests").asLong();
      errors += root.path("Errors").asLong();
      latencies += root.path("Latency").path("Count").asLong();
    }
    assertThat(requests).isEqualTo(latencies).isEqualTo((long) THREADS * PER_THREAD);
    assertThat(errors).isEqualTo((long) THREADS * PER_THREAD / 20);
    assertThat(metrics.dropped()).isZero();
  }
}

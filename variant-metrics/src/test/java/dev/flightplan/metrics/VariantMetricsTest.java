package dev.flightplan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The helper's contract: never throws into the request path, flushes on close and on time. */
class VariantMetricsTest {

  @Test
  void anOutputThatThrowsCostsOnlyItsDocuments() {
    VariantMetrics metrics =
        VariantMetrics.builder("Shop", "checkout")
            .flushInterval(Duration.ZERO)
            .output(
                document -> {
                  throw new IllegalStateException("disk full");
                })
            .build();

    metrics.record(Variant.CANDIDATE, 12, false);
    metrics.record(Variant.BASELINE, 12, false);
    metrics.flush();
    metrics.close();

    assertThat(metrics.failedDocuments()).isEqualTo(2);
  }

  @Test
  void unknownOrMissingVariantsAreDroppedAndCounted() {
    List<String> documents = new ArrayList<>();
    try (VariantMetrics metrics =
        VariantMetrics.builder("Shop", "checkout")
            .flushInterval(Duration.ZERO)
            .output(documents::add)
            .build()) {
      metrics.record((String) null, 1, false);
      metrics.record((Variant) null, 1, false);
      metrics.record("", 1, false);
      for (int i = 0; i < VariantMetrics.MAX_OTHER_VARIANTS + 3; i++) {
        metrics.record("v" + i, 1, false);
      }
      assertThat(metrics.dropped()).isEqualTo(6);
    }
    assertThat(documents).hasSize(VariantMetrics.MAX_OTHER_VARIANTS);
  }

  @Test
  void closeFlushesWhatIsLeftOnce() {
    List<String> documents = new ArrayList<>();
    VariantMetrics metrics =
        VariantMetrics.builder("Shop", "checkout").output(documents::add).build();
    metrics.record(Variant.CANDIDATE, 3, true);

    metrics.close();
    metrics.close();

    assertThat(documents).hasSize(1);
  }

  @Test
  @Timeout(10)
  void theTimerFlushesAtEachBoundaryStampedInsideTheIntervalThatEnded() throws Exception {
    List<String> documents = new CopyOnWriteArrayList<>();
    try (VariantMetrics metrics =
        VariantMetrics.builder("Shop", "checkout")
            .flushInterval(Duration.ofSeconds(1))
            .output(documents::add)
            .build()) {
      metrics.record(Variant.CANDIDATE, 3, false);
      while (documents.isEmpty()) {
        Thread.sleep(20);
      }
    }
    long stamp = EmfSpec.read(documents.get(0)).path("_aws").path("Timestamp").asLong();
    assertThat(stamp % 1000).isEqualTo(999);
  }

  @Test
  void settingsAreCheckedWhenBuilt() {
    assertThatThrownBy(() -> VariantMetrics.builder(" ", "checkout"))
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> VariantMetrics.builder("Shop", "checkout").dimension("Variant", "x"))
        .hasMessageContaining("taken by the metrics");
    assertThatThrownBy(
            () -> VariantMetrics.builder("Shop", "checkout").flushInterval(Duration.ofSeconds(7)))
        .hasMessageContaining("divide a minute");
    assertThatThrownBy(() -> EmfOutput.agent("http://127.0.0.1:25888"))
        .hasMessageContaining("tcp://host:port");
  }
}

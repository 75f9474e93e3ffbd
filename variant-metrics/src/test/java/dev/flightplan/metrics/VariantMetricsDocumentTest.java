package dev.flightplan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the helper writes, checked against the Embedded Metric Format specification. */
class VariantMetricsDocumentTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:30.250Z");

  final List<String> documents = new ArrayList<>();

  VariantMetrics metrics() {
    return VariantMetrics.builder("Shop", "checkout")
        .dimension("Stage", "prod")
        .flushInterval(Duration.ZERO)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .output(documents::add)
        .build();
  }

  @Test
  void oneDocumentPerVariantWithTheDimensionsAPlanResolvesVariantTo() {
    try (VariantMetrics metrics = metrics()) {
      for (int i = 0; i < 100; i++) {
        metrics.record(Variant.CANDIDATE, 100 + i, i % 10 == 0);
        metrics.record("baseline", 100, false);
      }
    }

    assertThat(documents).hasSize(2).allSatisfy(d -> assertThat(EmfSpec.problems(d)).isEmpty());
    JsonNode candidate = EmfSpec.read(documents.get(0));
    JsonNode directive = candidate.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(candidate.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(directive.path("Namespace").asText()).isEqualTo("Shop");
    assertThat(directive.path("Dimensions").toString())
        .isEqualTo("[[\"Service\",\"Variant\",\"Stage\"]]");
    assertThat(directive.path("Metrics").toString())
        .isEqualTo(
            "[{\"Name\":\"Requests\",\"Unit\":\"Count\"},{\"Name\":\"Errors\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]");
    assertThat(candidate.path("Service").asText()).isEqualTo("checkout");
    assertThat(candidate.path("Variant").asText()).isEqualTo("candidate");
    assertThat(candidate.path("Stage").asText()).isEqualTo("prod");
    assertThat(candidate.path("Requests").asLong()).isEqualTo(100);
    assertThat(candidate.path("Errors").asLong()).isEqualTo(10);
    assertThat(candidate.path("Latency").path("Count").asLong()).isEqualTo(100);
    assertThat(EmfSpec.read(documents.get(1)).path("Variant").asText()).isEqualTo("baseline");
    assertThat(EmfSpec.read(documents.get(1)).path("Errors").asLong()).isZero();
  }

  @Test
  void latenciesKeepTheirDistributionWithinTheBucketWidth() {
    try (VariantMetrics metrics = metrics()) {
      for (int i = 1; i <= 1000; i++) {
        metrics.record(Variant.CANDIDATE, i, false);
      }
    }

    List<double[]> valueCounts = new ArrayList<>();
    double sum = 0;
    double min = Double.MAX_VALUE;
    double max = 0;
    for (String document : documents) {
      JsonNode latency = EmfSpec.read(document).path("Latency");
      for (int i = 0; i < latency.path("Values").size(); i++) {
        valueCounts.add(
            new double[] {
              latency.path("Values").get(i).asDouble(), latency.path("Counts").get(i).asDouble()
            });
      }
      sum += latency.path("Sum").asDouble();
      min = Math.min(min, latency.path("Min").asDouble());
      max = Math.max(max, latency.path("Max").asDouble());
    }
    assertThat(percentile(valueCounts, 0.95)).isCloseTo(950, withPercentage(1.6));
    assertThat(percentile(valueCounts, 0.5)).isCloseTo(500, withPercentage(1.6));
    assertThat(sum / 1000).isCloseTo(500.5, withPercentage(1.6));
    assertThat(min).isCloseTo(1, withPercentage(1.6));
    assertThat(max).isCloseTo(1000, withPercentage(1.6));
  }

  @Test
  void aWideSpreadTakesSeveralDocumentsOfAtMostAHundredValuesCountedOnce() {
    long recorded = 0;
    try (VariantMetrics metrics = metrics()) {
      for (double ms = 0.01; ms < 100_000; ms *= 1.01) {
        metrics.record(Variant.BASELINE, ms, true);
        recorded++;
      }
    }

    assertThat(documents).hasSizeGreaterThan(3);
    long requests = 0;
    long latencyCount = 0;
    for (String document : documents) {
      assertThat(EmfSpec.problems(document)).isEmpty();
      JsonNode root = EmfSpec.read(document);
      assertThat(root.path("Latency").path("Values").size()).isLessThanOrEqualTo(100);
      requests += root.path("Requests").asLong();
      latencyCount += root.path("Latency").path("Count").asLong();
      assertThat(root.path("Errors").asLong()).isEqualTo(root.path("Requests").asLong());
    }
    assertThat(requests).isEqualTo(latencyCount).isEqualTo(recorded);
    assertThat(EmfSpec.read(documents.get(1)).has("Requests")).isFalse();
  }

  @Test
  void oddLatenciesCountAsZeroAndNothingIsSentWithoutRequests() {
    try (VariantMetrics metrics = metrics()) {
      metrics.flush();
      metrics.record(Variant.CANDIDATE, Double.NaN, false);
      metrics.record(Variant.CANDIDATE, -5, false);
      metrics.record(Variant.CANDIDATE, Double.POSITIVE_INFINITY, false);
    }

    assertThat(documents).hasSize(1);
    assertThat(EmfSpec.problems(documents.get(0))).isEmpty();
    JsonNode latency = EmfSpec.read(documents.get(0)).path("Latency");
    assertThat(latency.path("Min").asDouble()).isZero();
    assertThat(latency.path("Count").asLong()).isEqualTo(3);
  }

  @Test
  void theSpecCheckRefusesWhatCloudWatchWouldReject() {
    String directive =
        "{\"Namespace\":\"Shop\",\"Dimensions\":[[\"Service\"]],"
            + "\"Metrics\":[{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}";
    String good =
        "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":["
            + directive
            + "]},"
            + "\"Service\":\"s\",\"Latency\":[1,2]}";
    String tooMany =
        java.util.stream.IntStream.range(0, 101)
            .mapToObj(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));

    assertThat(EmfSpec.problems(good)).isEmpty();
    assertThat(EmfSpec.problems(good.replace("\"Timestamp\":1,", ""))).isNotEmpty();
    assertThat(EmfSpec.problems(good.replace("\"Service\":\"s\",", ""))).isNotEmpty();
    assertThat(EmfSpec.problems(good.replace("[1,2]", tooMany))).isNotEmpty();
    assertThat(EmfSpec.problems(good.replace("[1,2]", "\"fast\""))).isNotEmpty();
    assertThat(EmfSpec.problems(good.replace("Milliseconds", "ms"))).isNotEmpty();
  }

  /** The smallest value with at least {@code share} of the requests at or below it. */
  static double percentile(List<double[]> valueCounts, double share) {
    List<double[]> sorted =
        valueCounts.stream().sorted(java.util.Comparator.comparingDouble(v -> v[0])).toList();
    double total = sorted.stream().mapToDouble(v -> v[1]).sum();
    double seen = 0;
    for (double[] valueCount : sorted) {
      seen += valueCount[1];
      if (seen >= Math.ceil(share * total)) {
        return valueCount[0];
      }
    }
    return Double.NaN;
  }
}

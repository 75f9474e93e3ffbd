package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.T0;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSeriesApiTest {
  private final Api api = new Api();
  private final long t = T0.getEpochSecond();

  @Test
  void answersEachGateMetricPerVariantWithItsThresholds() {
    api.createdAndStarted();
    source()
        .setSeries(
            ID,
            "error_rate",
            new SeriesReading.Periods(
                new PeriodSeries(
                    new long[] {t + 60, t + 120}, new double[] {2, 1}, new double[] {100, 0}),
                new PeriodSeries(new long[] {t + 60}, new double[] {1}, new double[] {1000})));
    api.clock.advance(Duration.ofMinutes(30));

    JsonNode body = api.send("rollout-metrics").expect(200).json();

    assertThat(body.path("rolloutId").asText()).isEqualTo(ID);
    assertThat(body.path("from").asText()).isEqualTo("2026-11-24T09:00:00Z");
    assertThat(body.path("to").asText()).isEqualTo("2026-11-24T09:30:00Z");
    assertThat(body.path("periodSeconds").asInt()).isEqualTo(60);
    JsonNode metric = body.path("metrics").get(0);
    assertThat(body.path("metrics").size()).isEqualTo(1);
    assertThat(metric.path("name").asText()).isEqualTo("error_rate");
    assertThat(metric.path("unit").asText()).isEqualTo("percent");
    assertThat(metric.path("kind").asText()).isEqualTo("ratio");
    assertThat(metric.path("error").isNull()).isTrue();
    JsonNode rollback = metric.path("thresholds").get(0);
    assertThat(rollback.path("gate").asText()).isEqualTo("error_rate-rollback");
    assertThat(rollback.path("op").asText()).isEqualTo(">");
    assertThat(rollback.path("value").asDouble()).isEqualTo(0.05);
    assertThat(rollback.path("relative").isNull()).isTrue();
    assertThat(rollback.path("action").asText()).isEqualTo("rollback");
    JsonNode candidate = metric.path("series").path("candidate");
    assertThat(candidate.size()).as("the period without requests is left out").isEqualTo(1);
    assertThat(candidate.get(0).path("t").asText()).isEqualTo("2026-11-24T09:01:00Z");
    assertThat(candidate.get(0).path("v").asDouble()).isEqualTo(0.02);
    assertThat(metric.path("series").path("baseline").get(0).path("v").asDouble()).isEqualTo(0.001);
  }

  @Test
  void aMalformedInstantIs400NamingTheField() {
    api.createdAndStarted();

    JsonNode problem = api.send("rollout-metrics", query(Map.of("to", "yesterday"))).problem(400);

    assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("to");
    assertThat(problem.path("detail").asText()).contains("2026-11-29T10:00:00Z");
  }

  @Test
  void moreThan14DaysIs400NamingFromAndTheFix() {
    api.createdAndStarted();

    JsonNode problem =
        api.send(
                "rollout-metrics",
                query(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-20T00:00:00Z")))
            .problem(400);

    assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("from");
    assertThat(problem.path("errors").get(0).path("hint").asText())
        .contains("2026-11-06T00:00:00Z");
  }

  @Test
  void toBeforeFromIs400NamingTo() {
    api.createdAndStarted();

    JsonNode problem =
        api.send(
                "rollout-metrics",
                query(Map.of("from", "2026-11-24T09:00:00Z", "to", "2026-11-24T08:00:00Z")))
            .problem(400);

    assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("to");
  }

  @Test
  void metricsInPlaceOfACommandIsAPathThatAnswersGetOnly() {
    api.createdAndStarted();

    Reply post = api.send("rollout-metrics", e -> e.withHttpMethod("POST"));

    post.problem(405);
    assertThat(post.header("Allow")).isEqualTo("GET");
  }

  @Test
  void anUnknownRolloutIs404() {
    api.send("rollout-metrics").problem(404);
  }

  @Test
  void aSourceThatCannotBeReadGives200WithTheErrorPerMetric() {
    api.createdAndStarted();
    source().failWith("GetMetricData throttled");
    api.clock.advance(Duration.ofMinutes(5));

    JsonNode metric = api.send("rollout-metrics").expect(200).json().path("metrics").get(0);

    assertThat(metric.path("error").asText()).isEqualTo("GetMetricData throttled");
    assertThat(metric.path("series").path("candidate").size()).isZero();
  }

  private InMemoryMetricsSource source() {
    return (InMemoryMetricsSource) api.wiring.metricsSource();
  }
}

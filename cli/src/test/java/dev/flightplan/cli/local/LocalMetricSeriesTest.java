package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.cli.CliHarness;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /rollouts/{id}/metrics} in local mode, from the traffic simulator on simulated time.
 */
class LocalMetricSeriesTest {
  static final String PLAN =
      """
      rollout: checkout-v2
      strategy: percentage
      target: { type: flag, flag: checkout-v2 }
      phases:
        - { name: canary, percent: 10, bake: 1h }
        - { name: all, percent: 100 }
      metrics:
        error_rate:
          ratio: { numerator: Errors, denominator: Requests }
          namespace: Shop
          dimensions: { Variant: "${variant}" }
          unit: percent
        latency: { namespace: Shop, metric: Latency, stat: Average, unit: ms,
                   dimensions: { Variant: "${variant}" } }
      gates:
        - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
        - { metric: latency, op: ">", relative: 2x, action: pause }
      """;

  @TempDir Path dir;
  LocalRuntime runtime;
  String endpoint;

  @BeforeEach
  void start() throws IOException {
    runtime =
        LocalRuntime.start(
            new LocalRuntime.Options(
                0, false, new TrafficSimulator(7, List.of()), null, false, Demo.START),
            new PrintWriter(new StringWriter()));
    endpoint = "--endpoint=" + runtime.endpoint();
    Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);
    assertThat(CliHarness.run("create", "-f", plan.toString(), endpoint).exit()).isZero();
    assertThat(CliHarness.run("start", "checkout-v2", endpoint).exit()).isZero();
    for (int minute = 0; minute < 6; minute++) {
      runtime.tick();
    }
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void aRunningRolloutHasSeriesForBothVariantsOfEveryGateMetric() throws Exception {
    JsonNode body = get("/rollouts/checkout-v2/metrics");

    assertThat(body.path("periodSeconds").asInt()).isEqualTo(60);
    assertThat(body.path("metrics").findValuesAsText("name"))
        .containsExactly("error_rate", "latency");
    for (JsonNode metric : body.path("metrics")) {
      assertThat(metric.path("error").isNull()).as(metric.toString()).isTrue();
      JsonNode candidate = metric.path("series").path("candidate");
      JsonNode baseline = metric.path("series").path("baseline");
      assertThat(candidate.size()).as(metric.toString()).isBetween(4, 6);
      assertThat(baseline.size()).as(metric.toString()).isBetween(4, 6);
    }
    JsonNode errorRate = body.path("metrics").get(0);
    assertThat(errorRate.path("series").path("candidate").get(0).path("v").asDouble())
        .isBetween(0.0, 0.05);
    assertThat(errorRate.path("thresholds").get(0).path("value").asDouble()).isEqualTo(0.05);
  }

  @Test
  void theMetricsCommandPrintsTheLastPointsOfBothVariantsAndTheThresholds() {
    CliHarness.Run run = CliHarness.run("metrics", "checkout-v2", "--last", "3", endpoint);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("one point per 60s")
        .contains("error_rate: rollback if > 5%")
        .contains("latency: pause if > 2x baseline")
        .contains("PERIOD")
        .containsPattern("\\n\\S+Z +[0-9.]+% +[0-9.]+%\\n")
        .containsPattern("\\n\\S+Z +[0-9.]+ms +[0-9.]+ms\\n");
    long errorRows = run.out().lines().filter(l -> l.matches("\\S+Z +[0-9.]+% .*")).count();
    assertThat(errorRows).isEqualTo(3);
  }

  @Test
  void theMetricsCommandPassesTheRangeAndShowsTheFieldAtFault() {
    CliHarness.Run json =
        CliHarness.run(
            "metrics",
            "checkout-v2",
            "-o",
            "json",
            "--from",
            "2020-01-02T00:00:00Z",
            "--to",
            "2020-01-01T00:00:00Z",
            endpoint);

    assertThat(json.exit()).isNotZero();
    assertThat(json.err()).contains("to");
  }

  @Test
  void aToAloneBeforeTheRolloutStartedShowsNoPoints() throws Exception {
    JsonNode series = get("/rollouts/checkout-v2/metrics?to=2020-01-01T00:00:00Z");

    assertThat(series.path("metrics")).isNotEmpty();
    series
        .path("metrics")
        .forEach(
            metric -> {
              assertThat(metric.path("series").path("candidate")).isEmpty();
              assertThat(metric.path("series").path("baseline")).isEmpty();
            });
  }

  @Test
  void lastBelowOneIsAnInvalidOption() {
    CliHarness.Run run = CliHarness.run("metrics", "checkout-v2", "--last", "0", endpoint);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--last must be at least 1");
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(runtime.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}

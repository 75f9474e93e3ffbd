package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.core.port.FlagSource;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.functions.Config;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.metrics.EmfOutput;
import dev.flightplan.metrics.VariantMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application instrumented with the variant-metrics helper drives a flag rollout in local mode:
 * it evaluates the flag from the flags table for each request, records the variant served, and
 * sends EMF over TCP to local mode's listener, whose metrics the gates read. Time is the runtime's
 * simulated clock, shared with the helper's timestamps, so twenty minutes pass in seconds.
 */
class LocalEmfRolloutTest {
  static final String ROLLOUT = "checkout-emf";
  static final int REQUESTS_PER_MINUTE = 2_000;

  static final String PLAN =
      """
      rollout: checkout-emf
      target: { type: flag, flag: checkout-emf }
      phases:
        - { name: canary, percent: 20, bake: 2m }
        - { name: half, percent: 50, bake: 2m }
        - { name: all, percent: 100 }
      metrics:
        error_rate:
          namespace: Shop
          ratio: { numerator: Errors, denominator: Requests }
          dimensions: { Service: checkout, Variant: "${variant}" }
          unit: percent
          lookback: 2m
        latency_p95:
          namespace: Shop
          metric: Latency
          stat: p95
          dimensions: { Service: checkout, Variant: "${variant}" }
          lookback: 2m
      gates:
        - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
        - { metric: latency_p95, op: ">", relative: 2x, action: rollback }
      """;

  @Test
  @Timeout(120)
  void candidateErrorsSentAsEmfRollTheFlagBack() throws Exception {
    try (Application app = new Application(0.3)) {
      String status = app.runUntilEnded(20);

      assertThat(status).isEqualTo("ROLLED_BACK");
      assertThat(app.lastDecision()).contains("error_rate-rollback: error_rate");
      assertThat(app.listener().refused()).isZero();
    }
  }

  @Test
  @Timeout(120)
  void healthyTrafficSentAsEmfCarriesTheRolloutToCompletion() throws Exception {
    try (Application app = new Application(0.005)) {
      // Until it ends: at 100% the relative gate has no baseline left and must not hold it.
      app.runUntil(16, "no such decision");

      String history = app.history().toString();
      assertThat(history)
          .contains("advanced to half (50%): canary baked and every gate passes")
          .contains("advanced to all (100%): half baked and every gate passes")
          .doesNotContain("ROLLBACK", "PAUSE");
      assertThat(app.status()).isEqualTo("COMPLETED");
    }
  }

  /** Local mode on EMF plus an application that serves the flag and reports what it served. */
  static final class Application implements AutoCloseable {
    final LocalRuntime runtime;
    final ApiClient api;
    final FlagSource flags;
    final AwsClients clients;
    final VariantMetrics metrics;
    final AtomicLong sent = new AtomicLong();
    final double candidateErrorRate;

    Application(double candidateErrorRate) {
      this.candidateErrorRate = candidateErrorRate;
      Instant start = Instant.parse("2026-03-02T09:00:00Z");
      this.runtime =
          LocalRuntime.start(
              new LocalRuntime.Options(0, false, null, null, false, start, null, 0, false),
              new PrintWriter(new StringWriter()));
      this.api = ApiClient.forEndpoint(runtime.endpoint().toString(), true);
      this.clients = AwsClients.fromEnvironment();
      Clock clock = runtime.clock();
      this.flags = new AwsAdapters(clients, new Tables(Config.DEFAULT_TABLE_PREFIX), clock).flags();
      EmfOutput agent = EmfOutput.agent(listener().tcpEndpoint().toString());
      this.metrics =
          VariantMetrics.builder("Shop", "checkout")
              .flushInterval(Duration.ZERO)
              .clock(clock)
              .output(
                  document -> {
                    sent.incrementAndGet();
                    agent.accept(document);
                  })
              .build();
      call(api.post("/rollouts", "application/yaml", PLAN));
      call(api.post("/rollouts/" + ROLLOUT + "/start", "application/json", "{}"));
    }

    dev.flightplan.cli.local.emf.EmfListener listener() {
      return runtime.emf().orElseThrow();
    }

    /** One minute of traffic per simulated minute, until the rollout ends. */
    String runUntilEnded(int minutes) throws InterruptedException {
      String status = status();
      for (int minute = 0; minute < minutes && status.equals("RUNNING"); minute++) {
        serveOneMinute(minute);
        runtime.tick();
        status = status();
      }
      return status;
    }

    /** As {@link #runUntilEnded}, stopping too once the history says {@code decision}. */
    void runUntil(int minutes, String decision) throws InterruptedException {
      for (int minute = 0; minute < minutes && status().equals("RUNNING"); minute++) {
        serveOneMinute(minute);
        runtime.tick();
        if (history().toString().contains(decision)) {
          return;
        }
      }
    }

    private void serveOneMinute(int minute) throws InterruptedException {
      FlagExposure exposure = flags.find(ROLLOUT).orElseThrow();
      for (int i = 0; i < REQUESTS_PER_MINUTE; i++) {
        Variant variant = exposure.evaluate("user-" + minute + "-" + i, Map.of()).variant();
        double errorRate = variant == Variant.CANDIDATE ? candidateErrorRate : 0.005;
        boolean error = (i * 7919 % 1000) < errorRate * 1000;
        metrics.record(variant, 80 + (i % 40), error);
      }
      metrics.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (listener().accepted() < sent.get() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      assertThat(listener().accepted()).isEqualTo(sent.get());
    }

    String status() {
      return call(api.get("/rollouts/" + ROLLOUT)).json().path("status").asText();
    }

    JsonNode history() {
      return call(api.get("/rollouts/" + ROLLOUT + "/history")).json();
    }

    String lastDecision() {
      JsonNode items = history().path("items");
      return items.get(items.size() - 1).path("reason").asText();
    }

    private static ApiResult call(ApiResult result) {
      assertThat(result.status()).as(result.body()).isLessThan(300);
      return result;
    }

    @Override
    public void close() {
      metrics.close();
      clients.close();
      runtime.close();
    }
  }
}

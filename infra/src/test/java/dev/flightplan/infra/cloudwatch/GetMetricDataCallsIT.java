package dev.flightplan.infra.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls and latency through the real client against moto, counted by {@link CallCounter}: a tick of
 * N due rollouts with Q queries each makes exactly ⌈N·Q/500⌉ GetMetricData calls. The latency
 * figures are advisory (a shared 2-core machine, and moto is no CloudWatch).
 */
class GetMetricDataCallsIT {
  /** error_rate (2 × 2) and an Average (2 × 2): Q = 8, all served by moto. */
  private static final String METRICS =
      TestRollouts.ERROR_RATE
          + "  search_quality: { namespace: Search, metric: QualityScore, stat: Average,"
          + " dimensions: { Variant: \"${variant}\" } }\n";

  private static final int Q = 8;
  private static final CallCounter COUNTER = new CallCounter();
  private static AwsClients clients;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);

  @BeforeAll
  static void clients() {
    LocalAws.get().resetMoto(); // also sets the endpoint the clients below pick up
    clients = AwsClients.withInterceptors(COUNTER);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {1, 100, 1000})
  void aTickOfNRolloutsMakesTheCeilingOfNqOver500Calls(int n) {
    LocalAws.get().resetMoto(); // moto scans every datapoint per query: keep it empty here
    CloudWatchMetricsSource source = new CloudWatchMetricsSource(clients.cloudWatch());
    List<Rollout> rollouts = TestRollouts.rollouts(n, METRICS);
    COUNTER.reset();

    long started = System.nanoTime();
    Map<String, Observations> observed = source.observe(rollouts, now);
    long millis = (System.nanoTime() - started) / 1_000_000;

    CallCounter.Snapshot calls = COUNTER.snapshot();
    int expected = (n * Q + 499) / 500;
    assertThat(calls.calls("CloudWatch.GetMetricData")).isEqualTo(expected);
    assertThat(calls.totalCalls()).isEqualTo(expected);
    assertThat(calls.metricQueries()).isEqualTo((long) n * Q);
    assertThat(calls.metricQueriesPerRequest())
        .allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(500));
    assertThat(observed).hasSize(n);
    assertThat(observed.values())
        .allSatisfy(
            o ->
                assertThat(o.byMetric().values())
                    .noneMatch(MetricReading.Failed.class::isInstance));
    System.out.printf(
        "GetMetricData calls for N = %d, Q = %d: %d (queries per call %s), tick read %d ms%n",
        n, Q, calls.calls("CloudWatch.GetMetricData"), calls.metricQueriesPerRequest(), millis);
  }

  @Test
  void latencyOfOneCallWithAbout50Queries() {
    List<Rollout> rollouts = TestRollouts.rollouts(6, METRICS); // 48 queries, one call
    writeTenMinutesOfData(rollouts.size());
    CloudWatchMetricsSource source = new CloudWatchMetricsSource(clients.cloudWatch());
    for (int i = 0; i < 10; i++) {
      source.observe(rollouts, now); // warm-up
    }
    COUNTER.reset();
    long[] nanos = new long[100];
    for (int i = 0; i < nanos.length; i++) {
      long started = System.nanoTime();
      Map<String, Observations> observed = source.observe(rollouts, now);
      nanos[i] = System.nanoTime() - started;
      assertThat(observed.get("r0").get("error_rate")).isInstanceOf(MetricReading.Values.class);
    }

    assertThat(COUNTER.snapshot().calls("CloudWatch.GetMetricData")).isEqualTo(100);
    assertThat(COUNTER.snapshot().metricQueriesPerRequest()).containsOnly(48);
    Arrays.sort(nanos);
    System.out.printf(
        "GetMetricData, 48 queries, against moto (advisory): median %.1f ms, p99 %.1f ms,"
            + " max %.1f ms over %d calls%n",
        nanos[49] / 1e6, nanos[98] / 1e6, nanos[99] / 1e6, nanos.length);
  }

  private void writeTenMinutesOfData(int rollouts) {
    MetricWriter writer = new MetricWriter(clients.cloudWatch());
    Instant start = now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(600);
    List<String> variants = List.of("candidate", "baseline");
    for (int minute = 0; minute < 10; minute++) {
      Instant at = start.plusSeconds(60L * minute + 5);
      for (String variant : variants) {
        Map<String, String> dims = MetricWriter.dims("Service", "search", "Variant", variant);
        writer.statistics("Search", "Invocations", dims, at, 100, 100);
        writer.statistics("Search", "Errors", dims, at, 1, 100);
        writer.values(
            "Search",
            "QualityScore",
            MetricWriter.dims("Variant", variant),
            at,
            List.of(0.9),
            List.of(5.0));
      }
    }
    writer.flush();
  }
}

package dev.flightplan.infra.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.series.MetricSeries;
import dev.flightplan.core.series.MetricSeries.Point;
import dev.flightplan.core.series.MetricSeriesReader;
import dev.flightplan.core.series.RolloutSeries;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rollout's series read back from moto through the real client: values per period and variant,
 * gaps left out, and every series of the rollout in one GetMetricData call.
 */
class CloudWatchSeriesIT {
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
          ratio: { numerator: Errors, denominator: Invocations }
          namespace: Shop
          dimensions: { Service: shop, Variant: "${variant}" }
          unit: percent
        latency: { namespace: Shop, metric: Latency, stat: Average, unit: ms,
                   dimensions: { Variant: "${variant}" } }
        not_gated: { namespace: Shop, metric: Other, stat: Sum }
      gates:
        - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
        - { metric: latency, op: ">", relative: 2x, action: pause }
      """;

  private static final CallCounter COUNTER = new CallCounter();
  private static AwsClients clients;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
  private final Instant start = now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(600);

  @BeforeAll
  static void clients() {
    LocalAws.get().resetMoto();
    clients = AwsClients.withInterceptors(COUNTER);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void readsEachVariantPerPeriodWithGapsLeftOutInOneCall() {
    writeTenMinutes();
    MetricSeriesReader reader =
        new MetricSeriesReader(
            new CloudWatchMetricsSource(clients.cloudWatch()), Clock.fixed(now, ZoneOffset.UTC));
    COUNTER.reset();

    RolloutSeries series = reader.read(rollout(), List.of(), start, null);

    assertThat(COUNTER.snapshot().calls("CloudWatch.GetMetricData")).isEqualTo(1);
    assertThat(COUNTER.snapshot().metricQueriesPerRequest()).containsExactly(6);
    assertThat(series.range().from()).isEqualTo(start);
    assertThat(series.range().period().toSeconds()).isEqualTo(60);
    MetricSeries errors = series.metrics().get(0);
    assertThat(errors.error()).isNull();
    assertThat(errors.candidate()).hasSize(9).doesNotContain(point(5, 0.02));
    assertThat(errors.candidate()).contains(point(0, 0.02), point(3, 0.0), point(9, 0.02));
    assertThat(errors.baseline()).hasSize(10).allMatch(p -> p.v() == 0.005);
    MetricSeries latency = series.metrics().get(1);
    assertThat(latency.error()).isNull();
    assertThat(latency.candidate()).hasSize(9).contains(point(0, 150.0));
    assertThat(latency.baseline()).hasSize(10).contains(point(4, 100.0));
    assertThat(series.metrics()).extracting(MetricSeries::name).doesNotContain("not_gated");
  }

  private Point point(int minute, double value) {
    return new Point(start.plusSeconds(60L * minute), value);
  }

  private Rollout rollout() {
    Plan plan = PlanReader.read(PLAN);
    RolloutState state =
        RolloutState.draft(start).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(start)
            .build();
    return new Rollout(plan, state, 1);
  }

  /** Candidate: 2% errors, none published in minute 3, no data at all in minute 5. */
  private void writeTenMinutes() {
    MetricWriter writer = new MetricWriter(clients.cloudWatch());
    for (int minute = 0; minute < 10; minute++) {
      Instant at = start.plusSeconds(60L * minute + 5);
      Map<String, String> candidate = MetricWriter.dims("Service", "shop", "Variant", "candidate");
      Map<String, String> baseline = MetricWriter.dims("Service", "shop", "Variant", "baseline");
      writer.statistics("Shop", "Invocations", baseline, at, 1000, 1000);
      writer.statistics("Shop", "Errors", baseline, at, 5, 1000);
      writer.values(
          "Shop",
          "Latency",
          MetricWriter.dims("Variant", "baseline"),
          at,
          List.of(100.0),
          List.of(10.0));
      if (minute == 5) {
        continue;
      }
      writer.statistics("Shop", "Invocations", candidate, at, 100, 100);
      if (minute != 3) {
        writer.statistics("Shop", "Errors", candidate, at, 2, 100);
      }
      writer.values(
          "Shop",
          "Latency",
          MetricWriter.dims("Variant", "candidate"),
          at,
          List.of(150.0),
          List.of(10.0));
    }
    writer.flush();
  }
}

package dev.flightplan.infra.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.series.MetricSeries;
import dev.flightplan.core.series.MetricSeriesReader;
import dev.flightplan.core.series.RolloutSeries;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** The series request at the SDK boundary: what moto cannot serve (percentiles, pages). */
class CloudWatchSeriesTest {
  static final Instant NOW = TestRollouts.NOW;
  static final String PLAN =
      """
      rollout: search-api
      alarms: [x-5xx]
      target: { type: lambda-alias, function: search-api, alias: live, stable: "41", candidate: "42" }
      metrics:
        errors:
          ratio: { numerator: Errors, denominator: Invocations }
          namespace: AWS/Lambda
          dimensions: { FunctionName: search-api, ExecutedVersion: "${variant}" }
        latency_p95: { namespace: AWS/Lambda, metric: Duration, stat: p95,
                       dimensions: { FunctionName: search-api, ExecutedVersion: "${variant}" } }
      gates:
        - { metric: errors, op: ">", threshold: 1%, action: rollback }
        - { metric: latency_p95, op: ">", relative: 2x, action: rollback }
      """;

  @Test
  void aTwoDayRangeIsOneRequestOfAlignedPercentileAndSumQueriesPerVersion() {
    FakeGetMetricData fake = FakeGetMetricData.withValues(q -> 1);

    read(fake, NOW.minus(Duration.ofDays(2)));

    assertThat(fake.requests()).hasSize(1);
    GetMetricDataRequest request = fake.requests().get(0);
    assertThat(request.metricDataQueries()).hasSize(6);
    assertThat(request.metricDataQueries())
        .allSatisfy(q -> assertThat(q.metricStat().period()).isEqualTo(120));
    assertThat(request.startTime().getEpochSecond() % 120).isZero();
    assertThat(request.endTime().getEpochSecond() % 120).isZero();
    assertThat(request.metricDataQueries())
        .extracting(FakeGetMetricData::stat)
        .containsExactly("Sum", "Sum", "Sum", "Sum", "p95", "p95");
    assertThat(request.metricDataQueries())
        .extracting(q -> FakeGetMetricData.dimension(q, "ExecutedVersion"))
        .containsExactly("42", "42", "41", "41", "42", "41");
  }

  @Test
  void pagesAreFollowedAndMerged() {
    AtomicInteger calls = new AtomicInteger();
    FakeGetMetricData fake =
        FakeGetMetricData.answering(
            request -> {
              boolean first = calls.getAndIncrement() == 0;
              List<MetricDataResult> results =
                  request.metricDataQueries().stream().map(q -> half(request, q, first)).toList();
              return GetMetricDataResponse.builder()
                  .metricDataResults(results)
                  .nextToken(first ? "page-2" : null)
                  .build();
            });

    RolloutSeries series = read(fake, NOW.minus(Duration.ofMinutes(10)));

    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.requests().get(1).nextToken()).isEqualTo("page-2");
    MetricSeries errors = series.metrics().get(0);
    assertThat(errors.candidate()).hasSize(10).allMatch(p -> p.v() == 1.0);
  }

  @Test
  void aQueryCloudWatchFailsMakesItsMetricAnErrorAndLeavesTheOthers() {
    FakeGetMetricData fake =
        FakeGetMetricData.answering(
            request ->
                GetMetricDataResponse.builder()
                    .metricDataResults(
                        request.metricDataQueries().stream()
                            .map(
                                q ->
                                    FakeGetMetricData.result(
                                        request,
                                        q,
                                        1,
                                        FakeGetMetricData.stat(q).equals("p95")
                                            ? StatusCode.INTERNAL_ERROR
                                            : StatusCode.COMPLETE))
                            .toList())
                    .build());

    RolloutSeries series = read(fake, NOW.minus(Duration.ofMinutes(10)));

    assertThat(series.metrics().get(0).error()).isNull();
    assertThat(series.metrics().get(1).error()).contains("InternalError");
    assertThat(series.metrics().get(1).candidate()).isEmpty();
  }

  @Test
  void aFailedCallMakesEveryMetricAnError() {
    FakeGetMetricData fake =
        FakeGetMetricData.answering(
            request -> {
              throw new IllegalStateException("connection reset");
            });

    RolloutSeries series = read(fake, NOW.minus(Duration.ofMinutes(10)));

    assertThat(series.metrics())
        .allSatisfy(m -> assertThat(m.error()).contains("connection reset"));
  }

  private static MetricDataResult half(
      GetMetricDataRequest request, MetricDataQuery query, boolean first) {
    MetricDataResult all = FakeGetMetricData.result(request, query, 1, StatusCode.COMPLETE);
    int middle = all.timestamps().size() / 2;
    int from = first ? 0 : middle;
    int to = first ? middle : all.timestamps().size();
    return all.toBuilder()
        .timestamps(all.timestamps().subList(from, to))
        .values(all.values().subList(from, to))
        .statusCode(first ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE)
        .build();
  }

  private static RolloutSeries read(FakeGetMetricData fake, Instant from) {
    Rollout rollout = new Rollout(PlanReader.read(PLAN), RolloutState.draft(from), 1);
    return new MetricSeriesReader(
            new CloudWatchMetricsSource(fake), Clock.fixed(NOW, ZoneOffset.UTC))
        .read(rollout, List.of(), from, null);
  }
}

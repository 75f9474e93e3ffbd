package dev.flightplan.infra.cloudwatch;

import static dev.flightplan.infra.cloudwatch.TestRollouts.DESIGN_METRICS;
import static dev.flightplan.infra.cloudwatch.TestRollouts.ERROR_RATE;
import static dev.flightplan.infra.cloudwatch.TestRollouts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Batching, paging and alignment at the SDK boundary (moto neither pages nor serves percentiles,
 * and answers any number of queries): requests are captured as the source builds them, responses
 * are built with the SDK's model builders.
 */
class CloudWatchBatchingTest {
  private static final String ID = "^[a-z][a-zA-Z0-9_]*$";

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {1, 100, 1000})
  void nRolloutsOfQQueriesTakeExactlyTheCeilingOfNqOver500Calls(int n) {
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);
    List<Rollout> rollouts = TestRollouts.rollouts(n, DESIGN_METRICS);

    Map<String, Observations> observed = source(cloudWatch).observe(rollouts, NOW);

    int q =
        14; // error_rate 2×2, latency_p95 3×2 (p95, SampleCount, p95 over the lookback), quality
    // 2×2
    List<GetMetricDataRequest> requests = cloudWatch.requests();
    assertThat(requests).hasSize((n * q + 499) / 500);
    assertThat(requests.stream().mapToInt(r -> r.metricDataQueries().size()).sum())
        .isEqualTo(n * q);
    for (GetMetricDataRequest request : requests) {
      assertThat(request.metricDataQueries()).hasSizeLessThanOrEqualTo(500);
      assertThat(request.metricDataQueries()).allSatisfy(m -> assertThat(m.id()).matches(ID));
      assertThat(request.metricDataQueries().stream().map(MetricDataQuery::id).distinct())
          .hasSize(request.metricDataQueries().size());
    }
    assertThat(observed).hasSize(n);
    observed
        .values()
        .forEach(
            o ->
                assertThat(o.byMetric().values())
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r).isInstanceOf(MetricReading.Values.class)));
  }

  @Test
  void theDatapointCapSplitsCallsBeforeTheQueryCapDoes() {
    // 1 day at 1 minute: 1,440 datapoints per query, so 70 queries fill 100,800.
    String dayLong = ERROR_RATE + "    period: 1m\n    lookback: 1d\n";
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);

    source(cloudWatch).observe(TestRollouts.rollouts(100, dayLong), NOW);

    List<GetMetricDataRequest> requests = cloudWatch.requests();
    assertThat(requests).hasSize((400 + 69) / 70);
    assertThat(requests)
        .allSatisfy(
            r -> assertThat(r.metricDataQueries().size() * 1_440L).isLessThanOrEqualTo(100_800));
  }

  @Test
  void startAndEndAreAlignedToThePeriodAndLeaveTheUnfinishedPeriodOut() {
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);

    source(cloudWatch).observe(List.of(TestRollouts.rollout("a", ERROR_RATE)), NOW);

    GetMetricDataRequest request = cloudWatch.requests().getFirst();
    assertThat(request.endTime()).isEqualTo(Instant.parse("2025-03-03T09:07:00Z"));
    assertThat(request.startTime()).isEqualTo(Instant.parse("2025-03-03T08:37:00Z"));
  }

  @Test
  void metricsWithDifferentPeriodsAreGroupedIntoCallsAlignedToTheirOwnPeriod() {
    String mixed =
        ERROR_RATE
            + "  slow: { namespace: Search, metric: Latency, stat: Average, period: 5m,"
            + " lookback: 30m }\n"
            + "  hourly: { namespace: Search, metric: Latency, stat: Maximum, period: 1h,"
            + " lookback: 3h }\n";
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);

    source(cloudWatch).observe(List.of(TestRollouts.rollout("a", mixed)), NOW);

    assertThat(cloudWatch.requests())
        .extracting(r -> r.startTime() + "/" + r.endTime())
        .containsExactlyInAnyOrder( // the calls go out concurrently
            "2025-03-03T08:37:00Z/2025-03-03T09:07:00Z",
            "2025-03-03T08:35:00Z/2025-03-03T09:05:00Z",
            "2025-03-03T06:00:00Z/2025-03-03T09:00:00Z");
    for (GetMetricDataRequest request : cloudWatch.requests()) {
      for (MetricDataQuery query : request.metricDataQueries()) {
        long period = query.metricStat().period();
        assertThat(request.startTime().getEpochSecond() % period).isZero();
        assertThat(request.endTime().getEpochSecond() % period).isZero();
      }
    }
  }

  @Test
  void nextTokenPagesAreFollowedAndMergedPerQuery() {
    FakeGetMetricData cloudWatch = FakeGetMetricData.answering(CloudWatchBatchingTest::twoPages);

    Map<String, Observations> observed =
        source(cloudWatch).observe(List.of(TestRollouts.rollout("a", ERROR_RATE)), NOW);

    assertThat(cloudWatch.requests())
        .extracting(GetMetricDataRequest::nextToken)
        .containsExactly(null, "page-2");
    var values = (MetricReading.Values) observed.get("a").get("error_rate");
    // Invocations 100 and Errors 2 in each of the 30 periods of the default lookback, split in
    // halves over the pages.
    assertThat(values.candidate().denominator()).isEqualTo(3_000);
    assertThat(values.candidate().numerator()).isEqualTo(60);
    assertThat(values.candidate().points()).hasSize(30).containsOnly(0.02);
  }

  @Test
  void aQueryLongerThanOneCallCanCarryFailsWithoutACall() {
    String tooLong = ERROR_RATE + "    lookback: 100d\n";
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);

    Map<String, Observations> observed =
        source(cloudWatch).observe(List.of(TestRollouts.rollout("a", tooLong)), NOW);

    assertThat(cloudWatch.requests()).isEmpty();
    assertThat(observed.get("a").get("error_rate")).isInstanceOf(MetricReading.Failed.class);
  }

  /** The first page holds the first half of every query's periods, then a token. */
  private static GetMetricDataResponse twoPages(GetMetricDataRequest request) {
    boolean first = request.nextToken() == null;
    List<MetricDataResult> results =
        request.metricDataQueries().stream().map(q -> half(request, q, first)).toList();
    return GetMetricDataResponse.builder()
        .metricDataResults(results)
        .nextToken(first ? "page-2" : null)
        .build();
  }

  private static MetricDataResult half(
      GetMetricDataRequest request, MetricDataQuery q, boolean first) {
    double value = FakeGetMetricData.metricName(q).equals("Errors") ? 2 : 100;
    MetricDataResult all = FakeGetMetricData.result(request, q, value, StatusCode.COMPLETE);
    int mid = all.timestamps().size() / 2;
    int from = first ? 0 : mid;
    int to = first ? mid : all.timestamps().size();
    return all.toBuilder()
        .timestamps(all.timestamps().subList(from, to))
        .values(all.values().subList(from, to))
        .statusCode(first ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE)
        .build();
  }

  private static CloudWatchMetricsSource source(FakeGetMetricData cloudWatch) {
    return new CloudWatchMetricsSource(cloudWatch);
  }
}

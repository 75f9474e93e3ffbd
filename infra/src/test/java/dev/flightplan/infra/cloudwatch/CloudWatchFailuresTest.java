package dev.flightplan.infra.cloudwatch;

import static dev.flightplan.infra.cloudwatch.TestRollouts.DESIGN_METRICS;
import static dev.flightplan.infra.cloudwatch.TestRollouts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.GateEvaluator;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Failures at the SDK boundary (moto cannot be made to throttle or to answer per-query errors):
 * exceptions and responses are built with the SDK's own builders. A metric that cannot be read is
 * {@code Failed} — which gates judge as ERROR — and never a pass.
 */
class CloudWatchFailuresTest {
  private static final String GATES =
      "gates:\n"
          + "  - { metric: error_rate, op: \">\", threshold: 5%, action: rollback }\n"
          + "  - { metric: latency_p95, op: \">\", relative: 2x, action: rollback }\n"
          + "  - { metric: search_quality, op: \">=\", threshold: 0.85, action: require }\n";

  @Test
  void throttlingFailsEveryMetricOfTheBatchAndNoGatePasses() {
    var observed =
        observe(
            2,
            request -> {
              throw service(400, "Throttling", "Rate exceeded");
            });

    assertEveryMetricFailed(observed, "throttled");
  }

  @Test
  void a500FailsEveryMetricOfTheBatchAndNoGatePasses() {
    var observed =
        observe(
            2,
            request -> {
              throw service(500, "InternalServiceError", "internal failure");
            });

    assertEveryMetricFailed(observed, "HTTP 500");
  }

  @Test
  void anIoErrorFailsEveryMetricOfTheBatch() {
    var observed =
        observe(
            1,
            request -> {
              throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            });

    assertEveryMetricFailed(observed, "Connection refused");
  }

  @Test
  void aForbiddenQueryFailsItsMetricAndLeavesTheOthersRead() {
    var observed = observe(1, request -> statusFor("Latency", StatusCode.FORBIDDEN, request));

    Observations a = observed.get("r0");
    assertThat(a.get("latency_p95"))
        .isInstanceOfSatisfying(
            MetricReading.Failed.class,
            f -> assertThat(f.message()).contains("Forbidden").contains("not authorized"));
    assertThat(a.get("error_rate")).isInstanceOf(MetricReading.Values.class);
    assertThat(a.get("search_quality")).isInstanceOf(MetricReading.Values.class);
    assertNoGatePasses(a, "latency_p95");
  }

  @Test
  void anInternalErrorQueryFailsItsMetric() {
    var observed = observe(1, request -> statusFor("Errors", StatusCode.INTERNAL_ERROR, request));

    assertThat(observed.get("r0").get("error_rate")).isInstanceOf(MetricReading.Failed.class);
    assertThat(observed.get("r0").get("search_quality")).isInstanceOf(MetricReading.Values.class);
    assertNoGatePasses(observed.get("r0"), "error_rate");
  }

  @Test
  void partialDataOnTheLastPageIsAFailureNotAShorterWindow() {
    var observed =
        observe(1, request -> statusFor("Invocations", StatusCode.PARTIAL_DATA, request));

    assertThat(observed.get("r0").get("error_rate")).isInstanceOf(MetricReading.Failed.class);
  }

  @Test
  void aQueryWithoutAResultFailsItsMetric() {
    var observed =
        observe(
            1,
            request -> {
              List<MetricDataResult> results = new ArrayList<>();
              for (MetricDataQuery q : request.metricDataQueries()) {
                if (!FakeGetMetricData.metricName(q).equals("QualityScore")) {
                  results.add(FakeGetMetricData.result(request, q, 1, StatusCode.COMPLETE));
                }
              }
              return GetMetricDataResponse.builder().metricDataResults(results).build();
            });

    assertThat(observed.get("r0").get("search_quality")).isInstanceOf(MetricReading.Failed.class);
    assertThat(observed.get("r0").get("error_rate")).isInstanceOf(MetricReading.Values.class);
  }

  @Test
  void oneFailedCallFailsOnlyTheMetricsWithQueriesInIt() {
    // 1,000 rollouts × 14 queries = 28 calls; the second (queries 500-999) is throttled. The
    // calls go out concurrently, so it is known by its first query, not by its turn.
    var observed =
        observe(
            1_000,
            request -> {
              if (request.metricDataQueries().get(0).id().equals("q500")) {
                throw service(400, "Throttling", "Rate exceeded");
              }
              return FakeGetMetricData.everyPeriod(request, q -> 1.0);
            });

    // Rollout i owns queries 14i…14i+13: error_rate 4, latency_p95 6, search_quality 4.
    String[] metrics = {"error_rate", "latency_p95", "search_quality"};
    int[] sizes = {4, 6, 4};
    for (int i = 0; i < 1_000; i++) {
      int first = 14 * i;
      for (int m = 0; m < 3; m++) {
        int last = first + sizes[m] - 1;
        boolean inFailedCall = last >= 500 && first <= 999;
        assertThat(observed.get("r" + i).get(metrics[m]))
            .as("r" + i + " " + metrics[m])
            .isInstanceOf(inFailedCall ? MetricReading.Failed.class : MetricReading.Values.class);
        first = last + 1;
      }
    }
  }

  private static Map<String, Observations> observe(
      int n, Function<GetMetricDataRequest, GetMetricDataResponse> answer) {
    List<Rollout> rollouts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Plan plan =
          PlanReader.read(
              "rollout: r"
                  + i
                  + "\nalarms: [x-5xx]\n"
                  + TestRollouts.FLAG_TARGET
                  + DESIGN_METRICS
                  + GATES);
      rollouts.add(new Rollout(plan, RolloutState.draft(NOW), 1));
    }
    Map<String, Observations> observed =
        new CloudWatchMetricsSource(FakeGetMetricData.answering(answer)).observe(rollouts, NOW);
    observed.forEach((id, o) -> o.byMetric().keySet().forEach(m -> assertNoGatePasses(o, m)));
    return observed;
  }

  private static GetMetricDataResponse statusFor(
      String metric, StatusCode status, GetMetricDataRequest request) {
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery q : request.metricDataQueries()) {
      MetricDataResult result = FakeGetMetricData.result(request, q, 1, StatusCode.COMPLETE);
      if (FakeGetMetricData.metricName(q).equals(metric)) {
        MessageData message =
            MessageData.builder().code(status.toString()).value("not authorized").build();
        result = result.toBuilder().statusCode(status).messages(message).build();
      }
      results.add(result);
    }
    return GetMetricDataResponse.builder().metricDataResults(results).build();
  }

  private static CloudWatchException service(int status, String code, String message) {
    return (CloudWatchException)
        CloudWatchException.builder()
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .build();
  }

  private static void assertEveryMetricFailed(Map<String, Observations> observed, String why) {
    assertThat(observed.values())
        .allSatisfy(
            o ->
                assertThat(o.byMetric().values())
                    .hasSize(3)
                    .allSatisfy(
                        r ->
                            assertThat(r)
                                .isInstanceOfSatisfying(
                                    MetricReading.Failed.class,
                                    f -> assertThat(f.message()).contains(why))));
  }

  /** A failed reading must come out of every gate on it as ERROR, never PASS. */
  private static void assertNoGatePasses(Observations observations, String metric) {
    MetricReading reading = observations.get(metric);
    if (!(reading instanceof MetricReading.Failed)) {
      return;
    }
    Plan plan = PlanReader.read("rollout: x\nalarms: [x-5xx]\n" + DESIGN_METRICS + GATES);
    for (Gate gate : plan.gates()) {
      if (gate.metric().equals(metric)) {
        Verdict verdict =
            GateEvaluator.evaluate(gate, reading, plan.metrics().get(metric).unit()).verdict();
        assertThat(verdict).isEqualTo(Verdict.ERROR);
      }
    }
  }
}

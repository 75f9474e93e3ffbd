package dev.flightplan.infra.cloudwatch;

import static dev.flightplan.infra.cloudwatch.TestRollouts.ALIAS_TARGET;
import static dev.flightplan.infra.cloudwatch.TestRollouts.DESIGN_METRICS;
import static dev.flightplan.infra.cloudwatch.TestRollouts.ERROR_RATE;
import static dev.flightplan.infra.cloudwatch.TestRollouts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import dev.flightplan.infra.cloudwatch.QueryKey.Variant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How metrics of plans become queries: parts, variants, ids and time ranges. */
class QueryPlannerTest {

  @Test
  void aRatioReadsTheSumOfNumeratorAndDenominatorPerVariant() {
    List<PlannedQuery> queries =
        QueryPlanner.plan(List.of(TestRollouts.rollout("a", ERROR_RATE)), NOW);

    assertThat(queries)
        .extracting(q -> describe(q))
        .containsExactly(
            "q0 CANDIDATE NUMERATOR Errors Sum/60 Service=search,Variant=candidate",
            "q1 CANDIDATE DENOMINATOR Invocations Sum/60 Service=search,Variant=candidate",
            "q2 BASELINE NUMERATOR Errors Sum/60 Service=search,Variant=baseline",
            "q3 BASELINE DENOMINATOR Invocations Sum/60 Service=search,Variant=baseline");
  }

  @Test
  void aLambdaAliasComparesTheCandidateAndStableExecutedVersions() {
    String lambdaErrors =
        "metrics:\n  errors:\n    ratio: { numerator: Errors, denominator: Invocations }\n"
            + "    namespace: AWS/Lambda\n"
            + "    dimensions: { FunctionName: search-api, Resource: \"search-api:live\","
            + " ExecutedVersion: \"${variant}\" }\n";

    List<PlannedQuery> queries =
        QueryPlanner.plan(List.of(TestRollouts.rollout("a", ALIAS_TARGET, lambdaErrors)), NOW);

    assertThat(queries)
        .extracting(
            q ->
                q.key().variant() + "=" + FakeGetMetricData.dimension(q.query(), "ExecutedVersion"))
        .containsExactly("CANDIDATE=42", "CANDIDATE=42", "BASELINE=41", "BASELINE=41");
    assertThat(FakeGetMetricData.dimension(queries.getFirst().query(), "Resource"))
        .isEqualTo("search-api:live");
  }

  @Test
  void aMetricWithoutThePlaceholderReadsTheCandidateOnly() {
    String plain = "metrics:\n  cpu: { namespace: App, metric: CPU, stat: Maximum }\n";

    List<PlannedQuery> queries = QueryPlanner.plan(List.of(TestRollouts.rollout("a", plain)), NOW);

    assertThat(queries)
        .extracting(q -> q.key().variant() + " " + q.key().part())
        .containsExactly("CANDIDATE VALUE", "CANDIDATE COUNT");
  }

  @Test
  void partsFollowTheStatistic() {
    List<PlannedQuery> queries =
        QueryPlanner.plan(List.of(TestRollouts.rollout("a", DESIGN_METRICS)), NOW);

    assertThat(queries.stream().filter(q -> q.key().variant() == Variant.CANDIDATE))
        .extracting(
            q -> q.key().metric() + " " + q.key().part() + " " + q.query().metricStat().stat())
        .containsExactly(
            "error_rate NUMERATOR Sum",
            "error_rate DENOMINATOR Sum",
            "latency_p95 VALUE p95",
            "latency_p95 COUNT SampleCount",
            "latency_p95 WINDOW p95",
            "search_quality VALUE Average",
            "search_quality COUNT SampleCount");
    String counts = "metrics:\n  n: { namespace: App, metric: Requests, stat: SampleCount }\n";
    assertThat(QueryPlanner.plan(List.of(TestRollouts.rollout("a", counts)), NOW))
        .extracting(q -> q.key().part())
        .containsExactly(Part.VALUE);
  }

  @Test
  void idsAreValidGetMetricDataIdsAndUniqueAcrossTheTick() {
    List<PlannedQuery> queries = QueryPlanner.plan(TestRollouts.rollouts(50, DESIGN_METRICS), NOW);

    assertThat(queries).hasSize(700);
    assertThat(queries).allSatisfy(q -> assertThat(q.id()).matches("^[a-z][a-zA-Z0-9_]*$"));
    assertThat(queries.stream().map(PlannedQuery::id).distinct()).hasSize(700);
  }

  @Test
  void theWindowEndsAtTheLastWholePeriodAndCoversTheLookbackInWholePeriods() {
    String spec =
        "metrics:\n  n: { namespace: App, metric: Requests, stat: Sum, period: 5m,"
            + " lookback: 12m }\n";
    MetricSpec fiveMinutes = TestRollouts.rollout("a", spec).plan().metrics().get("n");
    QueryWindow window = QueryWindow.of(EvidenceWindow.of(fiveMinutes, null, NOW));

    assertThat(window.end()).isEqualTo(Instant.parse("2025-03-03T09:05:00Z"));
    assertThat(window.start()).isEqualTo(Instant.parse("2025-03-03T08:50:00Z"));
    assertThat(window.datapoints(300)).isEqualTo(3);
    assertThat(window.datapoints(window.seconds())).isEqualTo(1);
  }

  private static String describe(PlannedQuery q) {
    var stat = q.query().metricStat();
    String dims =
        String.join(
            ",", stat.metric().dimensions().stream().map(d -> d.name() + "=" + d.value()).toList());
    return q.id()
        + " "
        + q.key().variant()
        + " "
        + q.key().part()
        + " "
        + stat.metric().metricName()
        + " "
        + stat.stat()
        + "/"
        + stat.period()
        + " "
        + dims;
  }
}

package dev.flightplan.infra.cloudwatch;

import static dev.flightplan.infra.cloudwatch.TestRollouts.DESIGN_METRICS;
import static dev.flightplan.infra.cloudwatch.TestRollouts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Every query covers the evidence of the rollout's current exposure only: whole periods from the
 * first boundary 30 s after the phase began, at most the lookback.
 */
class CloudWatchEvidenceWindowTest {

  @Test
  void aPhaseThatBeganMinutesAgoIsReadFromItsFirstSettledPeriodOnly() {
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);
    // NOW is 09:07:30; the phase began 09:02:10, so its evidence starts at 09:03.
    Rollout rollout =
        TestRollouts.running("a", DESIGN_METRICS, Instant.parse("2025-03-03T09:02:10Z"));

    Observations observed =
        new CloudWatchMetricsSource(cloudWatch).observe(List.of(rollout), NOW).get("a");

    GetMetricDataRequest request = cloudWatch.requests().getFirst();
    assertThat(cloudWatch.requests()).hasSize(1);
    assertThat(request.startTime()).isEqualTo(Instant.parse("2025-03-03T09:03:00Z"));
    assertThat(request.endTime()).isEqualTo(Instant.parse("2025-03-03T09:07:00Z"));
    // The percentile over the whole window is one period as long as the window, not the lookback.
    assertThat(request.metricDataQueries())
        .filteredOn(q -> q.metricStat().period() != 60)
        .extracting(q -> q.metricStat().period())
        .containsExactly(240, 240);
    var errors = (MetricReading.Values) observed.get("error_rate");
    assertThat(errors.candidate().periods().starts())
        .containsExactly(
            epoch("2025-03-03T09:03:00Z"),
            epoch("2025-03-03T09:04:00Z"),
            epoch("2025-03-03T09:05:00Z"),
            epoch("2025-03-03T09:06:00Z"));
    assertThat(errors.candidate().periods().counts()).containsExactly(1.0, 1.0, 1.0, 1.0);
  }

  @Test
  void aPhaseWithoutAFullSettledPeriodSendsNothingAndSaysWhenEvidenceBegins() {
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);
    Rollout rollout =
        TestRollouts.running("a", DESIGN_METRICS, Instant.parse("2025-03-03T09:05:40Z"));

    Observations observed =
        new CloudWatchMetricsSource(cloudWatch).observe(List.of(rollout), NOW).get("a");

    assertThat(cloudWatch.requests()).isEmpty();
    assertThat(observed.byMetric()).hasSize(3);
    assertThat(observed.get("latency_p95"))
        .isEqualTo(
            new MetricReading.Missing(
                "no evidence at this exposure yet: phase percent-1 began 09:05:40 UTC; the first"
                    + " full period ends 09:08:00 UTC"));
  }

  @Test
  void rolloutsWhosePhasesBeganInTheSameMinuteShareCalls() {
    FakeGetMetricData cloudWatch = FakeGetMetricData.withValues(q -> 1.0);
    Instant early = Instant.parse("2025-03-03T09:02:10Z");
    Instant late = Instant.parse("2025-03-03T09:02:25Z");
    Rollout old = TestRollouts.running("c", DESIGN_METRICS, Instant.parse("2025-01-01T00:00:00Z"));
    List<Rollout> rollouts =
        List.of(
            TestRollouts.running("a", DESIGN_METRICS, early),
            TestRollouts.running("b", DESIGN_METRICS, late),
            old);

    new CloudWatchMetricsSource(cloudWatch).observe(rollouts, NOW);

    // a and b start their evidence at 09:03; c reads its whole lookback.
    MetricSpec spec = old.plan().metrics().get("error_rate");
    Instant lookbackStart = EvidenceWindow.of(spec, null, NOW).from();
    assertThat(lookbackStart).isBefore(Instant.parse("2025-03-03T09:03:00Z"));
    assertThat(cloudWatch.requests())
        .extracting(r -> r.startTime().toString() + " " + r.metricDataQueries().size())
        .containsExactlyInAnyOrder("2025-03-03T09:03:00Z 28", lookbackStart + " 14");
    assertThat(cloudWatch.requests())
        .flatExtracting(GetMetricDataRequest::metricDataQueries)
        .extracting(MetricDataQuery::id)
        .doesNotHaveDuplicates();
  }

  private static long epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }
}

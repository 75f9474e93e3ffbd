package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.FieldError;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvidenceWarningsTest {
  static final String METRICS =
      """
      metrics:
        latency_p95:
          { namespace: Search, metric: Latency, stat: p95, dimensions: { Variant: "${variant}" }, lookback: 10m }
        errors: { namespace: Search, metric: Errors, stat: Sum, lookback: 3m }
      gates:
        - { metric: errors, op: ">", threshold: 10, action: pause }
        - { metric: latency_p95, op: ">", relative: 2x, action: rollback }
      alarms: [search-5xx-critical]
      """;

  @Test
  void aBakeShorterThanSettlePlusLookbackIsWarnedWithTheGateThatNeedsMost() {
    Plan plan =
        read(
            """
            phases:
              - { name: canary, percent: 5, bake: 5m }
              - { name: half, percent: 50, bake: 11m }
              - { name: all, percent: 100, bake: 0s }
            """);

    assertThat(EvidenceWarnings.of(plan))
        .singleElement()
        .isEqualTo(
            new FieldError(
                "phases[0].bake",
                "phase canary bakes 5m but gate latency_p95-rollback reads 10m of evidence at each"
                    + " exposure (30s settle + 10m lookback); the phase would advance on 4m of data",
                "bake at least 11m or shorten metrics.latency_p95.lookback"));
  }

  @Test
  void aLastPhaseWithABakeIsWarnedToo() {
    Plan plan =
        read(
            """
            phases:
              - { name: canary, percent: 5, bake: 1h }
              - { name: all, percent: 100, bake: 2m }
            """);

    assertThat(EvidenceWarnings.of(plan))
        .singleElement()
        .extracting(FieldError::path, FieldError::message)
        .containsExactly(
            "phases[1].bake",
            "phase all bakes 2m but gate latency_p95-rollback reads 10m of evidence at each"
                + " exposure (30s settle + 10m lookback); the phase would complete on 1m of data");
  }

  @Test
  void longEnoughBakesAndAFinalPhaseWithoutBakeAreQuiet() {
    Plan plan =
        read(
            """
            phases:
              - { name: canary, percent: 5, bake: 11m }
              - { name: all, percent: 100, bake: 0s }
            """);

    assertThat(EvidenceWarnings.of(plan)).isEmpty();
  }

  @Test
  void theNeedIsRoundedUpToWholePeriods() {
    Plan plan =
        read(
            """
            phases:
              - { name: all, percent: 100, bake: 1h }
            """);

    assertThat(EvidenceWarnings.needed(plan.metrics().get("errors")))
        .isEqualTo(Duration.ofMinutes(4));
    assertThat(EvidenceWarnings.needed(plan.metrics().get("latency_p95")))
        .isEqualTo(Duration.ofMinutes(11));
    Plan fiveMinutePeriods =
        PlanReader.read(
            """
            rollout: slow
            phases:
              - { name: all, percent: 100, bake: 1h }
            metrics:
              m: { namespace: App, metric: M, stat: Sum, period: 5m, lookback: 10m }
            alarms: [x-5xx]
            """);
    assertThat(EvidenceWarnings.needed(fiveMinutePeriods.metrics().get("m")))
        .isEqualTo(Duration.ofMinutes(15));
  }

  private static Plan read(String phases) {
    return PlanReader.read(
        "rollout: demo\nstrategy: percentage\ntarget: { type: flag, flag: demo }\n"
            + phases
            + METRICS);
  }
}

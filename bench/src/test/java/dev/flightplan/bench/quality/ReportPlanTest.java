package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Gate;
import org.junit.jupiter.api.Test;

class ReportPlanTest {
  private final ReportPlan plan = ReportPlan.load();

  @Test
  void thePhasesTakeAnHourWhenNothingHoldsThem() {
    assertThat(plan.nominalMinutes()).isEqualTo(60);
    assertThat(plan.middlePhasesFrom()).isEqualTo(10);
    assertThat(plan.middlePhasesUntil()).isEqualTo(50);
  }

  @Test
  void aRegressionIsDueBackWithinTheRollbackGatesForPlusTwoEvaluations() {
    assertThat(plan.deadlineMinutes(Regression.Kind.ERROR_RATE)).isEqualTo(4);
    assertThat(plan.deadlineMinutes(Regression.Kind.LATENCY)).isEqualTo(4);
  }

  @Test
  void theGatesKeepTheirDefaultMinimumSamplesAndConfidence() {
    assertThat(plan.gates())
        .extracting(Gate::minSamples, Gate::confidence)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(Gate.DEFAULT_MIN_SAMPLES, Gate.DEFAULT_CONFIDENCE));
  }

  @Test
  void theHeaderNamesEveryGateWithItsSettings() {
    assertThat(PlanDescription.gate(plan.plan(), plan.gates().get(0)))
        .isEqualTo(
            "`error_rate-rollback`: error_rate > 1.5x baseline for 2m → rollback"
                + " (minSamples 100, confidence 0.95)");
    assertThat(PlanDescription.gate(plan.plan(), plan.gates().get(2)))
        .isEqualTo("`error_rate-pause`: error_rate > 10% → pause (minSamples 100)");
    assertThat(PlanDescription.phases(plan.plan()))
        .isEqualTo("1% 10m → 5% 10m → 25% 15m → 50% 15m → 100% 10m");
  }
}

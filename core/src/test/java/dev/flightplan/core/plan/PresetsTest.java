package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresetsTest {

  @Test
  void low_risk_reaches_everyone_within_48_hours() {
    List<Phase> phases = Presets.phases(Strategy.PERCENTAGE, Risk.LOW, List.of());
    assertThat(phases).extracting(Phase::basisPoints).containsExactly(500, 10_000);
    assertThat(total(phases)).isLessThanOrEqualTo(Duration.ofHours(48));
  }

  @Test
  void medium_risk_takes_the_six_steps_over_about_two_weeks() {
    List<Phase> phases = Presets.phases(Strategy.PERCENTAGE, Risk.MEDIUM, List.of());
    assertThat(phases)
        .extracting(Phase::basisPoints)
        .containsExactly(100, 500, 1000, 2500, 5000, 10_000);
    assertThat(total(phases)).isEqualTo(Duration.ofDays(14));
    assertThat(phases).extracting(Phase::name).endsWith("percent-50", "all");
  }

  @Test
  void high_risk_starts_with_rings_that_need_approval_and_takes_four_weeks_or_more() {
    List<Phase> phases = Presets.phases(Strategy.PERCENTAGE, Risk.HIGH, List.of("staff", "beta"));
    assertThat(phases).extracting(Phase::name).startsWith("staff", "beta", "percent-1");
    assertThat(phases).extracting(Phase::approval).startsWith(false, true, true, false);
    assertThat(phases.get(0).audiences()).containsExactly("staff");
    assertThat(phases.get(0).basisPoints()).isZero();
    Duration percentages = total(phases.subList(2, phases.size()));
    assertThat(percentages).isGreaterThanOrEqualTo(Duration.ofDays(28));
  }

  @Test
  void canary_starts_small_then_takes_larger_steps() {
    List<Phase> phases = Presets.phases(Strategy.CANARY, Risk.LOW, List.of());
    assertThat(phases).extracting(Phase::basisPoints).containsExactly(100, 1000, 10_000);
    assertThat(phases.get(0).bake()).isEqualTo(Duration.ofHours(4));
    assertThat(total(phases)).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void ring_puts_audiences_first_and_needs_them() {
    List<Phase> phases = Presets.phases(Strategy.RING, Risk.MEDIUM, List.of("all", "beta"));
    assertThat(phases).extracting(Phase::name).startsWith("ring-all", "beta", "percent-1");
    assertThat(phases).noneMatch(Phase::approval);
    assertThatThrownBy(() -> Presets.phases(Strategy.RING, Risk.LOW, List.of()))
        .hasMessageContaining("audiences");
  }

  @ParameterizedTest
  @EnumSource(Risk.class)
  void blue_green_is_one_switch_with_a_bake(Risk risk) {
    List<Phase> phases = Presets.phases(Strategy.BLUE_GREEN, risk, List.of("staff"));
    assertThat(phases)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.basisPoints()).isEqualTo(10_000);
              assertThat(p.bake()).isPositive();
            });
  }

  @Test
  void every_preset_is_a_valid_plan() {
    for (Strategy strategy : Strategy.values()) {
      for (Risk risk : Risk.values()) {
        String yaml =
            "rollout: demo\nrisk: %s\nstrategy: %s\nalarms: [x]\naudiences: {staff: {attribute: a, equals: b}}\n"
                .formatted(risk.wireName(), strategy.wireName());
        Plan plan = PlanReader.read(yaml);
        assertThat(plan.phases()).isEqualTo(Presets.phases(strategy, risk, List.of("staff")));
        assertThat(PlanReader.read(PlanWriter.toYaml(plan))).isEqualTo(plan);
      }
    }
  }

  @Test
  void a_high_risk_preset_plan_gets_the_default_window_unless_it_has_one() {
    assertThat(PlanFixtures.read(PlanFixtures.MINIMAL + "risk: high\n").window())
        .isEqualTo(Presets.HIGH_RISK_WINDOW);
    assertThat(
            PlanFixtures.read(PlanFixtures.MINIMAL + "risk: high\nwindow: {zone: Europe/Paris}\n")
                .window()
                .days())
        .hasSize(7);
    assertThat(PlanFixtures.read(PlanFixtures.MINIMAL + "risk: medium\n").window())
        .isEqualTo(Window.ALWAYS);
  }

  @Test
  void the_strategy_defaults_to_percentage_for_presets() {
    assertThat(PlanFixtures.read(PlanFixtures.MINIMAL).strategy()).isEqualTo(Strategy.PERCENTAGE);
  }

  private static Duration total(List<Phase> phases) {
    return phases.stream().map(Phase::bake).reduce(Duration.ZERO, Duration::plus);
  }
}

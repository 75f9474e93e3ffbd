package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Threshold.Relative;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The example of docs/design.md §2, verbatim, reads into the model it describes. */
class DesignExampleTest {
  private final Plan plan =
      PlanReader.read(PlanFixtures.resource("plans/good/design-example.yaml"));

  @Test
  void header_and_target() {
    assertThat(plan.id()).isEqualTo("new-search-algorithm");
    assertThat(plan.description()).isEqualTo("Ranker v2 behind a flag");
    assertThat(plan.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(plan.strategy()).isEqualTo(Strategy.RING);
    assertThat(plan.target()).isEqualTo(new Target.Flag("new-search-algorithm"));
  }

  @Test
  void phases_accumulate_audiences_and_store_basis_points() {
    assertThat(plan.phases()).hasSize(5);
    assertThat(plan.phases().get(2).basisPoints()).isEqualTo(500);
    assertThat(plan.phases().get(0).basisPoints()).isZero();
    assertThat(plan.exposureAt(1).audiences()).containsExactlyInAnyOrder("employees", "beta");
    assertThat(plan.exposureAt(3))
        .isEqualTo(new Exposure(2500, java.util.Set.of("employees", "beta")));
    assertThat(plan.phases().get(1).approval()).isTrue();
    assertThat(plan.phases().get(0).bake()).isEqualTo(Duration.ofHours(48));
    assertThat(plan.phases().get(2).bake()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void audiences() {
    assertThat(plan.audiences().get("employees"))
        .isEqualTo(
            new Audience("email", Audience.Match.ENDS_WITH, java.util.List.of("@example.com")));
    assertThat(plan.audiences().get("beta").values()).containsExactly("true");
  }

  @Test
  void metrics() {
    MetricSpec errors = plan.metrics().get("error_rate");
    assertThat(errors.isRatio()).isTrue();
    assertThat(errors.stat()).isEqualTo("Sum");
    assertThat(errors.unit()).isEqualTo(MetricSpec.Unit.PERCENT);
    assertThat(errors.dimensions()).containsEntry("Variant", "${variant}");
    assertThat(plan.metrics().get("latency_p95").stat()).isEqualTo("p95");
    assertThat(errors.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(errors.lookback()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void gates_with_thresholds_and_derived_names() {
    assertThat(plan.gates())
        .extracting(Gate::name)
        .containsExactly(
            "error_rate-rollback",
            "latency_p95-rollback",
            "error_rate-pause",
            "search_quality-require");
    assertThat(plan.gates().get(0).threshold()).isEqualTo(new Threshold.Absolute(0.05));
    assertThat(plan.gates().get(0).sustain()).isEqualTo(Duration.ofMinutes(10));
    assertThat(plan.gates().get(1).threshold()).isEqualTo(new Relative(Relative.Kind.TIMES, 2));
    assertThat(plan.gates().get(2).threshold()).isEqualTo(new Threshold.Absolute(0.005));
    assertThat(plan.gates().get(3).threshold()).isEqualTo(new Threshold.Absolute(0.85));
    assertThat(plan.gates().get(3).op()).isEqualTo(Comparison.GE);
    assertThat(plan.gates().get(3).action()).isEqualTo(GateAction.REQUIRE);
  }

  @Test
  void alarms_window_notify_checklist() {
    assertThat(plan.alarms()).containsExactly(new AlarmBinding("search-5xx-critical", false));
    assertThat(plan.window().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(plan.window().days())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    assertThat(plan.window().from()).isEqualTo(LocalTime.of(9, 0));
    assertThat(plan.window().to()).isEqualTo(LocalTime.of(16, 0));
    assertThat(plan.notifications()).isEqualTo(new Notify("default", Notify.Digest.DAILY));
    assertThat(plan.checklist()).hasSize(5).startsWith("monitoring");
  }

  @Test
  void writes_back_to_an_equal_plan_in_both_formats() {
    for (PlanFormat format : PlanFormat.values()) {
      assertThat(PlanReader.read(PlanWriter.write(plan, format), format)).isEqualTo(plan);
    }
  }
}

package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.series.MetricSeries;
import dev.flightplan.core.series.MetricSeries.Point;
import dev.flightplan.core.series.MetricSeriesReader;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's series: what the gates judged, under the exposure of each period's time. */
class SimulatedSeriesTest {
  static final Plan PLAN = PlanReader.read(Demo.planText());
  static final Instant STARTED = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant ROLLED_BACK = STARTED.plus(Duration.ofMinutes(10));
  static final Instant NOW = STARTED.plus(Duration.ofMinutes(20));
  final TrafficSimulator simulator =
      new TrafficSimulator(5, List.of(Fault.parse("error-rate=8%@internal")));

  @Test
  void aRolledBackCandidateHasNoPointsAfterTheRollbackAndTheFaultBefore() {
    MetricSeries errors = errorRate(NOW);

    assertThat(errors.candidate()).hasSize(10);
    assertThat(errors.candidate()).allSatisfy(p -> assertThat(p.t()).isBefore(ROLLED_BACK));
    assertThat(errors.candidate()).allSatisfy(p -> assertThat(p.v()).isBetween(0.05, 0.11));
    assertThat(errors.baseline()).hasSize(20);
    assertThat(errors.baseline()).allSatisfy(p -> assertThat(p.v()).isLessThan(0.01));
  }

  @Test
  void thePointsAreTheGatesOwnPeriods() {
    Instant at = STARTED.plus(Duration.ofMinutes(6)).plusSeconds(10);
    RolloutState running =
        RolloutState.draft(STARTED).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(STARTED)
            .build();
    MetricReading.Values gate =
        (MetricReading.Values)
            simulator
                .observe(List.of(new Rollout(PLAN, running, 1)), at)
                .get(PLAN.id())
                .get("error_rate");
    VariantSample judged = gate.candidate();

    List<Point> drawn = errorRate(at).candidate();

    int last = judged.periods().size() - 1;
    Point newest = drawn.get(drawn.size() - 1);
    assertThat(newest.t().getEpochSecond()).isEqualTo(judged.periods().starts()[last]);
    assertThat(newest.v())
        .isEqualTo(judged.periods().values()[last] / judged.periods().counts()[last]);
  }

  private MetricSeries errorRate(Instant now) {
    RolloutState state =
        RolloutState.draft(STARTED).toBuilder().status(RolloutStatus.ROLLED_BACK).build();
    List<HistoryEntry> history =
        List.of(
            entry(1, STARTED, RolloutStatus.DRAFT, RolloutStatus.RUNNING),
            entry(2, ROLLED_BACK, RolloutStatus.RUNNING, RolloutStatus.ROLLED_BACK));
    return new MetricSeriesReader(simulator, Clock.fixed(now, ZoneOffset.UTC))
        .read(new Rollout(PLAN, state, 2), history, null, null).metrics().stream()
            .filter(m -> m.name().equals("error_rate"))
            .findFirst()
            .orElseThrow();
  }

  private static HistoryEntry entry(long seq, Instant at, RolloutStatus from, RolloutStatus to) {
    return new HistoryEntry(PLAN.id(), seq, at, "controller", "x", from, to, 0, null, Map.of(), "");
  }
}

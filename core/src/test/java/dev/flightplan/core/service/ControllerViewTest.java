package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.change.ControllerViews;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.Holding;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's view is recorded when it changes, refreshed every 10 minutes, else left. */
class ControllerViewTest {
  private static final List<Phase> LONG_BAKE =
      List.of(
          new Phase("canary", 100, List.of(), Duration.ofDays(1), false),
          new Phase("all", 10_000, List.of(), Duration.ZERO, false));
  private final World world = new World();

  private long version() {
    return world.get("search").version();
  }

  private ControllerView view() {
    return world.get("search").state().view();
  }

  @Test
  void aQuietHoldIsRecordedOnceThenOnlyRefreshedEveryTenMinutes() {
    Instant started = world.running(TestPlans.withPhases("search", LONG_BAKE)).state().updatedAt();
    world.nextTick();
    Instant firstSeen = world.clock.instant();
    long recorded = version();
    assertThat(view().holding().kind()).isEqualTo(HoldKind.BAKING);
    assertThat(view().holding().until()).isEqualTo(started.plus(Duration.ofDays(1)));

    for (int minute = 2; minute <= 10; minute++) {
      world.nextTick();
    }
    assertThat(version()).as("no write on quiet ticks").isEqualTo(recorded);

    world.nextTick();
    assertThat(version()).as("one refresh after 10 minutes").isEqualTo(recorded + 1);
    assertThat(view().recordedAt()).isEqualTo(world.clock.instant());
    assertThat(view().holding().since()).as("the same hold keeps its start").isEqualTo(firstSeen);
  }

  @Test
  void aViewOnlyWriteKeepsTheScheduleAndTheTickIdempotent() {
    world.running(TestPlans.withPhases("search", LONG_BAKE));
    world.nextTick();
    Instant minute = world.clock.instant();
    long recorded = version();

    assertThat(world.get("search").state().nextEvaluationAt())
        .isEqualTo(minute.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    assertThat(world.tick.run(minute).duplicate()).isTrue();
    assertThat(version()).isEqualTo(recorded);
  }

  @Test
  void aVerdictThatChangesIsRecordedAtOnce() {
    world.running(TestPlans.withPhases("search", LONG_BAKE));
    world.nextTick();
    long recorded = version();
    assertThat(view().gate(TestPlans.ROLLBACK_GATE).verdict()).isEqualTo(Verdict.PASS);

    world.metrics.set("search", TestPlans.ERROR_RATE, new MetricReading.Missing("none"));
    world.nextTick();

    assertThat(version()).isEqualTo(recorded + 1);
    assertThat(view().gate(TestPlans.ROLLBACK_GATE).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void eachGateShowsItsValueSamplesAndMessage() {
    world.running(TestPlans.withPhases("search", LONG_BAKE));
    world.nextTick();

    GateView gate = view().gate(TestPlans.ROLLBACK_GATE);
    assertThat(gate.candidate()).isEqualTo(0.001);
    assertThat(gate.candidateSamples()).isEqualTo(10_000L);
    assertThat(gate.baseline()).isNull();
    assertThat(gate.message()).contains("error_rate");
    assertThat(view().gates()).extracting(GateView::gate).startsWith(TestPlans.ROLLBACK_GATE);
  }

  @Test
  void aNewKindOfHoldIsRecordedAtOnceWithItsSubject() {
    world.running("search");
    world.metrics.set("search", TestPlans.ERROR_RATE, new MetricReading.Missing("none"));
    world.nextTick();
    assertThat(view().holding().kind()).isEqualTo(HoldKind.BAKING);
    long recorded = version();

    world.tickAfter(Duration.ofMinutes(9));

    assertThat(version()).isEqualTo(recorded + 1);
    Holding holding = view().holding();
    assertThat(holding.kind()).isEqualTo(HoldKind.MISSING_DATA);
    assertThat(holding.metric()).isEqualTo(TestPlans.ERROR_RATE);
    assertThat(holding.since()).isEqualTo(world.clock.instant());
    assertThat(holding.reason()).startsWith("waiting on ").contains("no data");
  }

  @Test
  void aDecisionThatWritesCarriesWhatItSaw() {
    world.running("search");
    world.metrics.set("search", TestPlans.ERROR_RATE, TestPlans.errorRate(6.2));

    world.nextTick();

    Rollout back = world.get("search");
    assertThat(back.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(back.state().view().gate(TestPlans.ROLLBACK_GATE).verdict())
        .isEqualTo(Verdict.BREACH);
    assertThat(ControllerViews.holdingNow(back.plan(), back.state())).isNull();
  }

  @Test
  void aDraftSaysWhichChecklistItemsAreOpen() {
    Rollout draft =
        world.commands.create(TestPlans.withChecklist("search", "on-call", "dashboards"), "a");

    Holding holding = ControllerViews.holdingNow(draft.plan(), draft.state());

    assertThat(holding.kind()).isEqualTo(HoldKind.CHECKLIST_OPEN);
    assertThat(holding.reason()).isEqualTo("checklist open: on-call, dashboards");
    assertThat(holding.since()).isEqualTo(draft.state().createdAt());
  }

  @Test
  void aPausedRolloutNamesWhoPausedWithoutARecordedView() {
    world.running("search");
    world.commands.pause("search", World.BOB, "latency looks odd");
    Rollout paused = world.get("search");

    Holding holding = ControllerViews.holdingNow(paused.plan(), paused.state());

    assertThat(holding.kind()).isEqualTo(HoldKind.PAUSED);
    assertThat(holding.by()).isEqualTo(World.BOB);
    assertThat(holding.since()).isEqualTo(paused.state().lastDecision().at());
    assertThat(holding.reason()).contains("latency looks odd");
  }

  @Test
  void aViewOnlyWriteNeverOverwritesACommandThatSlippedIn() {
    world.running(TestPlans.withPhases("search", LONG_BAKE));
    world.store.beforeNextUpdate(() -> world.commands.pause("search", World.BOB, "hold on"));

    world.nextTick();

    Rollout after = world.get("search");
    assertThat(after.state().status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(after.state().lastDecision().actor()).isEqualTo(World.BOB);
    assertThat(after.state().view().holding().kind()).isEqualTo(HoldKind.PAUSED);
  }
}

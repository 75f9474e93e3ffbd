package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.change.CommandRefusedException;
import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.change.UnreadableChanges;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stored rollout whose plan cannot be read is quarantined, never fatal: the tick skips it and
 * says so, every other rollout proceeds, and rollback and abort still work (docs/design.md §4).
 */
class UnreadableRolloutTest {
  private static final String PROBLEM = "phases[0].bake: `2562047788015215h` is not a duration";

  private final World world = new World();

  private void corrupt(String id) {
    world.memory.corruptPlan(id, PROBLEM);
  }

  private UnreadableRollout unreadable(String id) {
    try {
      world.store.get(id);
    } catch (UnreadableRolloutException e) {
      return e.rollout();
    }
    throw new AssertionError(id + " reads");
  }

  private HistoryEntry lastEntry(String id) {
    List<HistoryEntry> history = world.history(id);
    return history.get(history.size() - 1);
  }

  @Test
  void theTickSkipsItOnceAndEveryOtherRolloutAdvances() {
    world.running("healthy");
    world.running("broken");
    corrupt("broken");

    TickReport report = world.tickAfter(Duration.ofMinutes(10));

    assertThat(report.advanced()).isEqualTo(1);
    assertThat(report.quarantined()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(world.get("healthy").state().phase()).isEqualTo(1);
    UnreadableRollout broken = unreadable("broken");
    assertThat(broken.state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(broken.state().lastDecision().kind()).isEqualTo(UnreadableChanges.QUARANTINED);
    assertThat(broken.state().nextEvaluationAt()).isNull();
    assertThat(broken.state().outbox()).isEmpty();
    assertThat(lastEntry("broken").action()).isEqualTo(UnreadableChanges.QUARANTINED);
    assertThat(lastEntry("broken").reason()).contains(PROBLEM);
    Notification notice = world.sent("broken", NotificationEvents.QUARANTINED).get(0);
    assertThat(notice.severity()).isEqualTo(Notification.Severity.CRITICAL);
    assertThat(notice.message()).contains(PROBLEM).contains("no longer watched");
    assertThat(world.actuator.exposure("broken").basisPoints()).isEqualTo(100);

    TickReport next = world.tickAfter(Duration.ofMinutes(10));
    assertThat(next.quarantined()).isZero();
    assertThat(world.get("healthy").state().phase()).isEqualTo(2);
    assertThat(world.sent("broken", NotificationEvents.QUARANTINED)).hasSize(1);
  }

  @Test
  void aQuarantineNoticeThatFailedIsSentByTheNextTick() {
    world.running("broken");
    corrupt("broken");
    world.notifier.failNext(1);

    world.nextTick();
    assertThat(unreadable("broken").state().nextEvaluationAt()).isNotNull();
    TickReport retried = world.nextTick();

    assertThat(retried.quarantined()).isEqualTo(1);
    assertThat(world.sent("broken", NotificationEvents.QUARANTINED)).hasSize(1);
    assertThat(unreadable("broken").state().nextEvaluationAt()).isNull();
  }

  @Test
  void aPersonRollsItBackWithoutThePlan() {
    world.running("broken");
    corrupt("broken");

    StoredRollout back = world.commands.rollback("broken", World.BOB, "plan unreadable");

    assertThat(back).isInstanceOf(UnreadableRollout.class);
    RolloutState state = back.state();
    assertThat(state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(state.phase()).isEqualTo(-1);
    assertThat(state.rolledBackRevision()).isEqualTo(1);
    assertThat(state.hasPendingWork()).isFalse();
    assertThat(state.nextEvaluationAt()).isNull();
    assertThat(world.actuator.exposure("broken")).isEqualTo(Exposure.NONE);
    Notification notice = world.sent("broken", NotificationEvents.ROLLBACK).get(0);
    assertThat(notice.severity()).isEqualTo(Notification.Severity.CRITICAL);
    assertThat(notice.subject())
        .isEqualTo("[ROLLBACK] broken: rolled back by " + World.BOB + ": plan unreadable");
    assertThat(notice.message()).contains("could not be read: " + PROBLEM);
    HistoryEntry entry = lastEntry("broken");
    assertThat(entry.action()).isEqualTo("ROLLBACK");
    assertThat(entry.from()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(entry.to()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(unreadable("broken").version()).isEqualTo(back.version());
  }

  @Test
  void aPersonAbortsItWithoutThePlan() {
    world.running("broken");
    corrupt("broken");

    StoredRollout aborted = world.commands.abort("broken", World.BOB, "wrong build");

    assertThat(aborted.state().status()).isEqualTo(RolloutStatus.ABORTED);
    assertThat(world.actuator.exposure("broken")).isEqualTo(Exposure.NONE);
    assertThat(world.sent("broken", NotificationEvents.ABORT)).hasSize(1);
    assertThatThrownBy(() -> world.commands.rollback("broken", World.BOB, null))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("the rollout is ABORTED");
  }

  @Test
  void everyOtherCommandIsRefusedWithTheProblem() {
    world.running("broken");
    corrupt("broken");

    assertThatThrownBy(() -> world.commands.pause("broken", World.BOB, null))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage(
            "pause refused: the stored plan of broken cannot be read ("
                + PROBLEM
                + "); only rollback and abort work until the plan can be read again");
    assertThatThrownBy(() -> world.commands.promote("broken", World.BOB, null))
        .isInstanceOf(CommandRefusedException.class);
    assertThatThrownBy(() -> world.commands.checklistDone("broken", "on-call", World.BOB))
        .isInstanceOf(CommandRefusedException.class);
    assertThat(unreadable("broken").state().status()).isEqualTo(RolloutStatus.RUNNING);
  }

  @Test
  void aBoundAlarmRollsItBack() {
    world.running("broken");
    corrupt("broken");

    List<StoredRollout> back =
        world.alarms.handle(TestPlans.ALARM, AlarmState.ALARM, "e1", world.clock.instant());

    assertThat(back).extracting(StoredRollout::id).containsExactly("broken");
    assertThat(unreadable("broken").state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(world.actuator.exposure("broken")).isEqualTo(Exposure.NONE);
    assertThat(lastEntry("broken").actor()).isEqualTo("alarm:" + TestPlans.ALARM);
    assertThat(world.sent("broken", NotificationEvents.ROLLBACK)).hasSize(1);
    assertThat(world.alarms.handle(TestPlans.ALARM, AlarmState.ALARM, "e2", world.clock.instant()))
        .isEmpty();
  }

  @Test
  void exposureFailedToBeTakenBackIsRetriedByTheTick() {
    world.running("broken");
    corrupt("broken");
    world.actuator.failNext(1);

    StoredRollout back = world.commands.rollback("broken", World.BOB, null);
    assertThat(back.state().actuationPending()).isTrue();
    assertThat(world.actuator.exposure("broken").basisPoints()).isEqualTo(100);

    TickReport report = world.nextTick();

    assertThat(report.quarantined()).isEqualTo(1);
    assertThat(world.actuator.exposure("broken")).isEqualTo(Exposure.NONE);
    assertThat(unreadable("broken").state().hasPendingWork()).isFalse();
    assertThat(unreadable("broken").state().nextEvaluationAt()).isNull();
    assertThat(world.sent("broken", NotificationEvents.QUARANTINED)).isEmpty();
  }

  @Test
  void withoutATargetTheNoticeSaysToTakeExposureBackByHand() {
    world.running("broken");
    world.memory.corruptPlan("broken", PROBLEM, false);

    StoredRollout back = world.commands.rollback("broken", World.BOB, null);

    assertThat(back.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(back.state().hasPendingWork()).isFalse();
    assertThat(world.actuator.exposure("broken").basisPoints()).isEqualTo(100);
    assertThat(world.sent("broken", NotificationEvents.ROLLBACK).get(0).message())
        .contains("take any exposure back by hand");
  }
}

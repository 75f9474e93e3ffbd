package dev.flightplan.core.service;

import static dev.flightplan.core.service.World.ALICE;
import static dev.flightplan.core.service.World.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.change.CommandRefusedException;
import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.PlanRevisions;
import dev.flightplan.core.plan.Window;
import dev.flightplan.core.port.RolloutExistsException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.evaluation.Exposure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutCommandsTest {
  private final World world = new World();
  private final RolloutCommands commands = world.commands;

  @Test
  void createStoresADraftWithAHistoryEntryByTheCaller() {
    Rollout created = commands.create(TestPlans.plan("search"), ALICE);

    assertThat(created.state().status()).isEqualTo(RolloutStatus.DRAFT);
    assertThat(created.state().nextEvaluationAt()).isNull();
    HistoryEntry first = world.history("search").get(0);
    assertThat(first.actor()).isEqualTo(ALICE);
    assertThat(first.action()).isEqualTo("CREATE");
    assertThatThrownBy(() -> commands.create(TestPlans.plan("search"), BOB))
        .isInstanceOf(RolloutExistsException.class);
  }

  @Test
  void startIsRefusedWhileChecklistItemsAreOpen() {
    commands.create(
        TestPlans.withChecklist("search", "monitoring", "on-call", "stakeholders"), ALICE);
    commands.checklistDone("search", "monitoring", BOB);

    assertThatThrownBy(() -> commands.start("search", ALICE))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("start refused: checklist items open: on-call, stakeholders");
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.DRAFT);
  }

  @Test
  void startRunsPhaseZeroOnceTheChecklistIsDone() {
    commands.create(TestPlans.withChecklist("search", "on-call"), ALICE);
    commands.checklistDone("search", "on-call", BOB);
    commands.checklistDone("search", "on-call", BOB); // done already: changes nothing

    Rollout started = commands.start("search", ALICE);

    assertThat(started.state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(started.state().phase()).isZero();
    assertThat(started.state().phaseStartedAt()).isEqualTo(TestPlans.T0);
    assertThat(started.state().nextEvaluationAt()).isEqualTo(TestPlans.T0.plusSeconds(60));
    assertThat(started.state().actuationPending()).isFalse();
    assertThat(started.state().outbox()).isEmpty();
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(100);
    assertThat(world.history("search"))
        .extracting(HistoryEntry::action, HistoryEntry::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CREATE", ALICE),
            org.assertj.core.groups.Tuple.tuple("CHECKLIST", BOB),
            org.assertj.core.groups.Tuple.tuple("START", ALICE));
    assertThat(world.sent("search", NotificationEvents.START)).hasSize(1);
  }

  @Test
  void checklistRefusesAnItemThePlanDoesNotHave() {
    commands.create(TestPlans.withChecklist("search", "on-call"), ALICE);

    assertThatThrownBy(() -> commands.checklistDone("search", "lunch", ALICE))
        .hasMessage("checklist refused: the plan has no item 'lunch'; its items: on-call");
  }

  @Test
  void aCommandInTheWrongStateSaysWhy() {
    world.running("search");

    assertThatThrownBy(() -> commands.start("search", ALICE))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("start refused: the rollout is RUNNING; start needs DRAFT");
    assertThatThrownBy(() -> commands.resume("search", ALICE))
        .hasMessage("resume refused: the rollout is RUNNING; resume needs PAUSED");
    assertThatThrownBy(() -> commands.approve("search", ALICE))
        .hasMessage("approve refused: the rollout is RUNNING; approve needs AWAITING_APPROVAL");
  }

  @Test
  void unknownRolloutIsNotFound() {
    assertThatThrownBy(() -> commands.pause("nope", ALICE, null))
        .isInstanceOf(RolloutNotFoundException.class)
        .hasMessage("no rollout nope");
  }

  @Test
  void pauseAndResume() {
    world.running("search");

    Rollout paused = commands.pause("search", BOB, "latency looks odd");
    assertThat(paused.state().status()).isEqualTo(RolloutStatus.PAUSED);
    Notification notice = world.sent("search", NotificationEvents.PAUSE).get(0);
    assertThat(notice.subject())
        .isEqualTo("[PAUSE] search: paused by " + BOB + ": latency looks odd");
    assertThat(notice.severity()).isEqualTo(Notification.Severity.WARNING);

    assertThat(commands.resume("search", BOB).state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(world.history("search").get(world.history("search").size() - 1).actor())
        .isEqualTo(BOB);
  }

  @Test
  void promoteAdvancesNowAndIsRecordedAsAnOverride() {
    world.running("search");

    Rollout promoted = commands.promote("search", BOB, "hotfix");

    assertThat(promoted.state().phase()).isEqualTo(1);
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(5_000);
    HistoryEntry last = world.history("search").get(world.history("search").size() - 1);
    assertThat(last.action()).isEqualTo("PROMOTE");
    assertThat(last.actor()).isEqualTo(BOB);
    assertThat(last.reason()).contains("bake time and require gates skipped");
  }

  @Test
  void promoteAtTheLastPhaseCompletes() {
    world.running("search");
    commands.promote("search", BOB, null);
    commands.promote("search", BOB, null);
    commands.pause("search", BOB, null);

    Rollout done = commands.promote("search", BOB, null);

    assertThat(done.state().status()).isEqualTo(RolloutStatus.COMPLETED);
    assertThat(done.state().nextEvaluationAt()).isNull();
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(10_000);
    assertThat(world.sent("search", NotificationEvents.COMPLETE)).hasSize(1);
  }

  @Test
  void approveLetsTheNextTickAdvance() {
    world.running(TestPlans.withApprovalAt("search", 1));
    world.tickAfter(Duration.ofMinutes(10));
    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
    assertThat(world.sent("search", NotificationEvents.AWAITING_APPROVAL)).hasSize(1);

    Rollout approved = commands.approve("search", BOB);
    assertThat(approved.state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(approved.state().approvedPhase()).isEqualTo(1);

    world.nextTick();
    assertThat(world.get("search").state().phase()).isEqualTo(1);
  }

  @Test
  void manualRollbackTakesExposureToNothing() {
    world.running("search");

    StoredRollout back = commands.rollback("search", BOB, "customer reports");

    assertThat(back.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(back.state().phase()).isEqualTo(-1);
    assertThat(back.state().rolledBackRevision()).isEqualTo(1);
    assertThat(back.state().nextEvaluationAt()).isNull();
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    Notification notice = world.sent("search", NotificationEvents.ROLLBACK).get(0);
    assertThat(notice.severity()).isEqualTo(Notification.Severity.CRITICAL);
    assertThat(notice.subject())
        .isEqualTo("[ROLLBACK] search: rolled back by " + BOB + ": customer reports");
    assertThatThrownBy(() -> commands.rollback("search", BOB, null))
        .hasMessage(
            "rollback refused: the rollout is ROLLED_BACK; rollback needs DRAFT or RUNNING or PAUSED or AWAITING_APPROVAL");
  }

  @Test
  void abortTakesExposureToNothing() {
    world.running("search");

    StoredRollout aborted = commands.abort("search", BOB, "wrong build");

    assertThat(aborted.state().status()).isEqualTo(RolloutStatus.ABORTED);
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(world.sent("search", NotificationEvents.ABORT)).hasSize(1);
  }

  @Test
  void retryNeedsANewRevisionAfterARollback() {
    world.running("search");
    commands.rollback("search", BOB, null);

    assertThatThrownBy(() -> commands.retry("search", BOB))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage(
            "retry needs a new plan revision after a rollback: revision 1 was rolled back, change the plan first");

    Rollout same =
        commands.replacePlan(
            "search", TestPlans.plan("search"), world.get("search").version(), ALICE);
    assertThat(same.state().revision()).isEqualTo(1);
    assertThatThrownBy(() -> commands.retry("search", BOB))
        .isInstanceOf(CommandRefusedException.class);
    List<Phase> slower = new ArrayList<>(TestPlans.PHASES);
    slower.set(0, new Phase("canary", 100, List.of(), Duration.ofHours(2), false));
    Rollout replaced =
        commands.replacePlan(
            "search", TestPlans.withPhases("search", slower), world.get("search").version(), ALICE);
    assertThat(replaced.state().revision()).isEqualTo(2);
    Rollout retried = commands.retry("search", BOB);
    assertThat(retried.state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(retried.state().phase()).isZero();
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(100);
  }

  @Test
  void replacePlanStartsFromTheStoresCopyForTheVersionRatherThanARead() {
    List<String> reads = new ArrayList<>();
    InMemoryRolloutStore store =
        new InMemoryRolloutStore() {
          @Override
          public synchronized Optional<Rollout> get(String id) {
            reads.add(id);
            return super.get(id);
          }

          @Override
          public Optional<Rollout> getForUpdate(String id, long expectedVersion) {
            return super.get(id).filter(r -> r.version() == expectedVersion);
          }
        };
    RolloutCommands onCopies =
        new RolloutCommands(store, world.actuator, world.notifier, world.clock);
    Rollout created = onCopies.create(TestPlans.plan("search"), ALICE);

    Rollout replaced =
        onCopies.replacePlan(
            "search", TestPlans.withChecklist("search", "on-call"), created.version(), ALICE);

    assertThat(reads).isEmpty();
    assertThat(replaced.state().revision()).isEqualTo(2);
    assertThat(replaced.version()).isEqualTo(created.version() + 1);
  }

  @Test
  void replacePlanWithAStaleVersionConflicts() {
    Rollout created = commands.create(TestPlans.plan("search"), ALICE);
    commands.start("search", ALICE);

    assertThatThrownBy(
            () ->
                commands.replacePlan("search", TestPlans.plan("search"), created.version(), ALICE))
        .isInstanceOf(VersionConflictException.class);
    assertThat(world.get("search").state().revision()).isEqualTo(1);
  }

  @Test
  void replacePlanWhileRunningKeepsThePhaseByName() {
    world.running("search");
    commands.promote("search", BOB, null); // at "half"
    List<Phase> phases = new ArrayList<>(TestPlans.PHASES);
    phases.add(0, new Phase("internal", 10, List.of(), Duration.ofMinutes(5), false));

    Rollout replaced =
        commands.replacePlan(
            "search", TestPlans.withPhases("search", phases), world.get("search").version(), ALICE);

    assertThat(replaced.state().revision()).isEqualTo(2);
    assertThat(replaced.state().phase()).isEqualTo(2);
    assertThat(replaced.plan().phases().get(2).name()).isEqualTo("half");
    assertThat(world.sent("search", NotificationEvents.PLAN_CHANGED)).hasSize(1);
  }

  @Test
  void replacePlanIsRefusedOnceFinished() {
    world.running("search");
    commands.abort("search", BOB, null);

    assertThatThrownBy(
            () ->
                commands.replacePlan(
                    "search", TestPlans.plan("search"), world.get("search").version(), ALICE))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("replace refused: the rollout is ABORTED; a finished rollout keeps its plan");
  }

  @Test
  void replacingAPlanWithTheSameOneChangesNothing() {
    world.running("search");
    Rollout before = world.get("search");
    int historyBefore = world.store.history("search").size();

    Rollout answer =
        commands.replacePlan("search", TestPlans.plan("search"), before.version(), ALICE);

    assertThat(answer.version()).isEqualTo(before.version());
    assertThat(answer.state().revision()).isEqualTo(1);
    assertThat(world.store.history("search")).hasSize(historyBefore);
    assertThat(world.sent("search", NotificationEvents.PLAN_CHANGED)).isEmpty();
  }

  @Test
  void startingOutsideTheWindowExposesTheFirstPhaseAndSaysTheRestWait() {
    // T0 is a Monday 09:00 UTC; this window opens on Saturdays only.
    Window saturdays =
        new Window(
            EnumSet.of(DayOfWeek.SATURDAY),
            LocalTime.of(10, 0),
            LocalTime.of(12, 0),
            ZoneOffset.UTC,
            List.of());
    commands.create(PlanRevisions.withWindow(TestPlans.plan("search"), saturdays), ALICE);

    Rollout started = commands.start("search", ALICE);

    assertThat(started.state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(100);
    assertThat(world.store.history("search").getLast().reason())
        .isEqualTo(
            "started at canary (1%) by "
                + ALICE
                + "; outside the window: opens Sat 2025-03-08 10:00 Z: this first phase is exposed"
                + " now, the next ones wait for the window");
  }

  @Test
  void startingInsideTheWindowSaysNothingOfIt() {
    commands.create(TestPlans.plan("search"), ALICE);

    commands.start("search", ALICE);

    assertThat(world.store.history("search").getLast().reason())
        .isEqualTo("started at canary (1%) by " + ALICE);
  }
}

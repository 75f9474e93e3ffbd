package dev.flightplan.core.state;

import static dev.flightplan.core.state.RolloutStatus.ABORTED;
import static dev.flightplan.core.state.RolloutStatus.AWAITING_APPROVAL;
import static dev.flightplan.core.state.RolloutStatus.COMPLETED;
import static dev.flightplan.core.state.RolloutStatus.DRAFT;
import static dev.flightplan.core.state.RolloutStatus.PAUSED;
import static dev.flightplan.core.state.RolloutStatus.ROLLED_BACK;
import static dev.flightplan.core.state.RolloutStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.service.TestPlans;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static final Instant NOW = TestPlans.T0;

  @Test
  void everyNonTerminalStatusCanRollBackAndAbort() {
    for (RolloutStatus status : EnumSet.of(DRAFT, RUNNING, PAUSED, AWAITING_APPROVAL)) {
      assertThat(status.canTransitionTo(ROLLED_BACK)).as(status.name()).isTrue();
      assertThat(status.canTransitionTo(ABORTED)).as(status.name()).isTrue();
    }
  }

  @Test
  void finishedRolloutsStayFinishedExceptARetry() {
    for (RolloutStatus next : RolloutStatus.values()) {
      assertThat(COMPLETED.canTransitionTo(next)).isFalse();
      assertThat(ABORTED.canTransitionTo(next)).isFalse();
      assertThat(ROLLED_BACK.canTransitionTo(next)).isEqualTo(next == RUNNING);
    }
    assertThat(EnumSet.allOf(RolloutStatus.class).stream().filter(RolloutStatus::isTerminal))
        .containsExactlyInAnyOrder(COMPLETED, ROLLED_BACK, ABORTED);
  }

  @Test
  void everyCommandLandsOnAStatusTheTableAllows() {
    assertThat(RUNNING.canTransitionTo(PAUSED)).isTrue(); // pause
    assertThat(PAUSED.canTransitionTo(RUNNING)).isTrue(); // resume, promote
    assertThat(PAUSED.canTransitionTo(COMPLETED)).isTrue(); // promote at the last phase
    assertThat(AWAITING_APPROVAL.canTransitionTo(RUNNING)).isTrue(); // approve
    assertThat(DRAFT.canTransitionTo(PAUSED)).isFalse();
  }

  @Test
  void commandsHaveWireNames() {
    assertThat(Command.fromWireName("checklist")).contains(Command.CHECKLIST);
    assertThat(Command.fromWireName("deploy")).isEmpty();
    assertThat(Command.ROLLBACK.wireName()).isEqualTo("rollback");
  }

  @Test
  void retryIsRefusedUntilThePlanChanged() {
    RolloutState rolledBack =
        RolloutState.draft(NOW).toBuilder().status(ROLLED_BACK).rolledBackRevision(1).build();
    Rollout rollout = new Rollout(TestPlans.plan("search"), rolledBack, 3);

    assertThat(Command.RETRY.refusal(rollout))
        .contains(
            "retry needs a new plan revision after a rollback: revision 1 was rolled back, change the plan first");
    Rollout changed = new Rollout(rollout.plan(), rolledBack.toBuilder().revision(2).build(), 4);
    assertThat(Command.RETRY.refusal(changed)).isEmpty();
  }

  @Test
  void startListsTheOpenChecklistItemsInPlanOrder() {
    RolloutState draft =
        RolloutState.draft(NOW).toBuilder().checklistDone(Set.of("monitoring")).build();
    Rollout rollout =
        new Rollout(
            TestPlans.withChecklist("search", "monitoring", "on-call", "stakeholders"), draft, 1);

    assertThat(Command.START.refusal(rollout))
        .contains("start refused: checklist items open: on-call, stakeholders");
  }

  @Test
  void desiredPhaseIsNothingOnceRolledBackOrAborted() {
    RolloutState running = RolloutState.draft(NOW).toBuilder().status(RUNNING).phase(2).build();

    assertThat(running.desiredPhase()).isEqualTo(2);
    assertThat(running.toBuilder().status(COMPLETED).build().desiredPhase()).isEqualTo(2);
    assertThat(running.toBuilder().status(ROLLED_BACK).build().desiredPhase()).isEqualTo(-1);
    assertThat(running.toBuilder().status(ABORTED).build().desiredPhase()).isEqualTo(-1);
  }
}

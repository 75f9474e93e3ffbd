package dev.flightplan.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.decide.Decision;
import dev.flightplan.core.decide.Evaluation;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.Command;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionChangesTest {
  private static final Instant NOW = TestPlans.T0.plusSeconds(3600);

  private static Rollout rollout(RolloutStatus status, int phase) {
    RolloutState state =
        RolloutState.draft(TestPlans.T0).toBuilder()
            .status(status)
            .phase(phase)
            .phaseStartedAt(TestPlans.T0)
            .revision(3)
            .build();
    return new Rollout(TestPlans.plan("search"), state, 7);
  }

  private static Evaluation evaluation(Decision decision) {
    return new Evaluation(decision, List.of(), Map.of());
  }

  @Test
  void aForwardDecisionWhileAwaitingApprovalIsABugNotAQuietHold() {
    Rollout waiting = rollout(RolloutStatus.AWAITING_APPROVAL, 0);
    Decision advance = new Decision.Advance(1, "beta", "baked");

    assertThatThrownBy(() -> DecisionChanges.apply(waiting, evaluation(advance), NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWAITING_APPROVAL");
  }

  @Test
  void aRollbackByTheControllerAndByAPersonChangeTheStateAlike() {
    Rollout running = rollout(RolloutStatus.RUNNING, 1);
    Decision rollback = new Decision.Rollback("error_rate-rollback", Map.of(), "too many errors");

    RolloutState byController =
        DecisionChanges.apply(running, evaluation(rollback), NOW).orElseThrow().rollout().state();
    RolloutState byPerson =
        CommandChanges.apply(running, Intent.of(Command.ROLLBACK, "alice", "odd"), NOW)
            .orElseThrow()
            .rollout()
            .state();

    assertThat(byController.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(byController.phase()).isEqualTo(-1);
    assertThat(byController.rolledBackRevision()).isEqualTo(3);
    assertThat(byController.toBuilder().lastDecision(null).outbox(List.of()).view(null).build())
        .isEqualTo(byPerson.toBuilder().lastDecision(null).outbox(List.of()).build());
  }
}

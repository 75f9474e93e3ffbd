package dev.flightplan.core.change;

import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The moves a decision of the controller and a person's command have in common, one function each,
 * so that a rollback (or a pause, an advance, a completion) means the same whoever caused it.
 */
final class Transitions {
  private Transitions() {}

  /**
   * Exposure to nothing, the revision remembered so that a retry needs a changed plan, gate streaks
   * cleared.
   */
  static Change rollback(Rollout rollout, ChangeRecord record, Instant now) {
    var edit =
        rollout.state().toBuilder()
            .status(RolloutStatus.ROLLED_BACK)
            .phase(-1)
            .approvedPhase(-1)
            .rolledBackRevision(rollout.state().revision())
            .gates(Map.of());
    return ChangeRecorder.record(rollout, rollout.plan(), edit, record, now);
  }

  /** Stops advancing until a person resumes. */
  static Change pause(Rollout rollout, RolloutStateBuilder edit, ChangeRecord record, Instant now) {
    return ChangeRecorder.record(
        rollout, rollout.plan(), edit.status(RolloutStatus.PAUSED), record, now);
  }

  /** To a later phase of the plan, whose bake starts now. */
  static Change advance(
      Rollout rollout, RolloutStateBuilder edit, int phase, ChangeRecord record, Instant now) {
    if (phase <= rollout.state().phase() || phase > rollout.plan().lastPhase()) {
      throw new IllegalStateException(
          rollout.id() + ": cannot advance from phase " + rollout.state().phase() + " to " + phase);
    }
    edit.status(RolloutStatus.RUNNING).phase(phase).phaseStartedAt(now);
    return ChangeRecorder.record(rollout, rollout.plan(), edit, record, now);
  }

  /** Done: the last phase's exposure stays. */
  static Change complete(
      Rollout rollout, RolloutStateBuilder edit, ChangeRecord record, Instant now) {
    return ChangeRecorder.record(
        rollout, rollout.plan(), edit.status(RolloutStatus.COMPLETED), record, now);
  }
}

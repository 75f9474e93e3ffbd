package dev.flightplan.core.service;

import dev.flightplan.core.decide.Decision;
import dev.flightplan.core.decide.Decision.Advance;
import dev.flightplan.core.decide.Decision.AwaitApproval;
import dev.flightplan.core.decide.Decision.Complete;
import dev.flightplan.core.decide.Decision.Hold;
import dev.flightplan.core.decide.Decision.Pause;
import dev.flightplan.core.decide.Decision.Rollback;
import dev.flightplan.core.decide.Evaluation;
import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a decision of the controller does to a rollout's state. Pure: the caller writes it. */
public final class StateChanges {
  /** The actor of the controller's own decisions. */
  public static final String CONTROLLER = "controller";

  private StateChanges() {}

  /** The change an evaluation makes, or empty when there is nothing worth a write. */
  public static Optional<Change> apply(Rollout rollout, Evaluation evaluation, Instant now) {
    RolloutState state = rollout.state();
    var edit = state.toBuilder().gates(evaluation.streaks());
    Map<String, Double> observed = observed(evaluation);
    return switch (permitted(state.status(), evaluation.decision())) {
      case Hold hold -> streaksOnly(rollout, evaluation, now);
      case Rollback r ->
          Optional.of(
              rollback(rollout, decided(Events.ROLLBACK, r.cause(), r.values(), r.reason()), now));
      case Pause p ->
          record(
              rollout,
              edit.status(RolloutStatus.PAUSED),
              decided(Events.PAUSE, p.gate(), p.values(), p.reason()),
              now);
      case Advance a -> {
        String reason = "advanced to " + Texts.phase(rollout.plan(), a.phase()) + ": " + a.reason();
        edit.phase(checkedPhase(rollout, a.phase())).phaseStartedAt(now);
        yield record(rollout, edit, decided(Events.ADVANCE, null, observed, reason), now);
      }
      case AwaitApproval w -> {
        // The decider's reason names the phase; ours adds what it exposes.
        String reason = "waiting for approval of " + Texts.phase(rollout.plan(), w.phase());
        edit.status(RolloutStatus.AWAITING_APPROVAL);
        yield record(rollout, edit, decided(Events.AWAITING_APPROVAL, null, observed, reason), now);
      }
      case Complete c ->
          record(
              rollout,
              edit.status(RolloutStatus.COMPLETED),
              decided(Events.COMPLETE, null, observed, c.reason()),
              now);
    };
  }

  /**
   * Takes a rollout back: exposure to nothing, the revision remembered so that a retry needs a
   * changed plan. The entry says who and why.
   */
  static Change rollback(Rollout rollout, Entry entry, Instant now) {
    RolloutState state = rollout.state();
    var edit =
        state.toBuilder()
            .status(RolloutStatus.ROLLED_BACK)
            .phase(-1)
            .approvedPhase(-1)
            .rolledBackRevision(state.revision())
            .gates(Map.of());
    return ChangeRecorder.record(rollout, rollout.plan(), edit, entry, now);
  }

  /** An entry for a decision of the controller or an alarm. */
  static Entry decided(String action, String gate, Map<String, Double> values, String reason) {
    String actor = gate != null && gate.startsWith("alarm:") ? gate : CONTROLLER;
    return new Entry(actor, action, gate, values, reason, action, Entry.severityOf(action));
  }

  /**
   * Only a rollback may act on a rollout that waits for a person; a pause also interrupts a wait
   * for approval. Anything else there is a hold.
   */
  static Decision permitted(RolloutStatus status, Decision decision) {
    boolean allowed =
        switch (decision) {
          case Hold h -> true;
          case Rollback r -> status.isActive();
          case Pause p ->
              status == RolloutStatus.RUNNING || status == RolloutStatus.AWAITING_APPROVAL;
          case Advance a -> status == RolloutStatus.RUNNING;
          case AwaitApproval a -> status == RolloutStatus.RUNNING;
          case Complete c -> status == RolloutStatus.RUNNING;
        };
    return allowed ? decision : new Hold(status + ", not acted on: " + decision.reason());
  }

  private static Optional<Change> record(
      Rollout rollout, RolloutStateBuilder edit, Entry entry, Instant now) {
    return Optional.of(ChangeRecorder.record(rollout, rollout.plan(), edit, entry, now));
  }

  /** A hold stores the gate streaks when they moved, and nothing else. */
  private static Optional<Change> streaksOnly(Rollout rollout, Evaluation evaluation, Instant now) {
    RolloutState state = rollout.state();
    if (state.gates().equals(evaluation.streaks())) {
      return Optional.empty();
    }
    RolloutState next =
        state.toBuilder()
            .gates(evaluation.streaks())
            .nextEvaluationAt(ChangeRecorder.nextEvaluation(state, now))
            .build();
    return Optional.of(
        new Change(new Rollout(rollout.plan(), next, rollout.version()), List.of(), Change.HOLD));
  }

  private static int checkedPhase(Rollout rollout, int phase) {
    if (phase <= rollout.state().phase() || phase > rollout.plan().lastPhase()) {
      throw new IllegalStateException(
          rollout.id() + ": cannot advance from phase " + rollout.state().phase() + " to " + phase);
    }
    return phase;
  }

  private static Map<String, Double> observed(Evaluation evaluation) {
    Map<String, Double> values = new HashMap<>();
    for (GateResult result : evaluation.gates()) {
      result.values().forEach(values::putIfAbsent);
    }
    return values;
  }
}

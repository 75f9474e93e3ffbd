package dev.flightplan.core.change;

import dev.flightplan.core.decide.Decision;
import dev.flightplan.core.decide.Decision.Advance;
import dev.flightplan.core.decide.Decision.AwaitApproval;
import dev.flightplan.core.decide.Decision.Complete;
import dev.flightplan.core.decide.Decision.Hold;
import dev.flightplan.core.decide.Decision.Pause;
import dev.flightplan.core.decide.Decision.Rollback;
import dev.flightplan.core.decide.Evaluation;
import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a decision of the controller, or an alarm, does to a rollout's state. Pure: the caller
 * writes it. Which decision applies is the decider's business alone; this only carries it out.
 */
public final class DecisionChanges {
  /** The actor of the controller's own decisions. */
  public static final String CONTROLLER = "controller";

  private DecisionChanges() {}

  /** The change an evaluation makes, or empty when there is nothing worth a write. */
  public static Optional<Change> apply(Rollout rollout, Evaluation evaluation, Instant now) {
    RolloutState state = rollout.state();
    Decision decision = evaluation.decision();
    requireActionable(rollout, decision);
    var edit = state.toBuilder().gates(evaluation.streaks());
    if (decision instanceof Hold hold) {
      return held(rollout, evaluation, hold, now);
    }
    return acted(rollout, evaluation, edit, now)
        .map(change -> ControllerViews.withView(change, evaluation, now));
  }

  private static Optional<Change> acted(
      Rollout rollout, Evaluation evaluation, RolloutStateBuilder edit, Instant now) {
    Map<String, Double> observed = observed(evaluation);
    return switch (evaluation.decision()) {
      case Hold hold -> throw new IllegalArgumentException("a hold acts on nothing");
      case Rollback r ->
          Optional.of(
              Transitions.rollback(
                  rollout,
                  decided(NotificationEvents.ROLLBACK, r.cause(), r.values(), r.reason()),
                  now));
      case Pause p ->
          Optional.of(
              Transitions.pause(
                  rollout,
                  edit,
                  decided(NotificationEvents.PAUSE, p.gate(), p.values(), p.reason()),
                  now));
      case Advance a -> {
        String reason =
            "advanced to " + ChangeWording.phase(rollout.plan(), a.phase()) + ": " + a.reason();
        ChangeRecord record = decided(NotificationEvents.ADVANCE, null, observed, reason);
        yield Optional.of(Transitions.advance(rollout, edit, a.phase(), record, now));
      }
      case AwaitApproval w -> {
        // The decider's reason names the phase; ours adds what it exposes.
        String reason = "waiting for approval of " + ChangeWording.phase(rollout.plan(), w.phase());
        edit.status(RolloutStatus.AWAITING_APPROVAL);
        ChangeRecord record = decided(NotificationEvents.AWAITING_APPROVAL, null, observed, reason);
        yield Optional.of(ChangeRecorder.record(rollout, rollout.plan(), edit, record, now));
      }
      case Complete c ->
          Optional.of(
              Transitions.complete(
                  rollout,
                  edit,
                  decided(NotificationEvents.COMPLETE, null, observed, c.reason()),
                  now));
    };
  }

  /**
   * The rollback an alarm state change causes, or empty when the rollout is not active or not bound
   * to that alarm in that state.
   */
  public static Optional<Change> onAlarm(
      Rollout rollout, String alarmNameOrArn, AlarmState alarmState, Instant now) {
    boolean bound =
        rollout.plan().alarms().stream()
            .filter(binding -> binding.matches(alarmNameOrArn))
            .anyMatch(b -> alarmState == AlarmState.ALARM || b.rollbackOnInsufficientData());
    if (!rollout.state().status().isActive() || !bound) {
      return Optional.empty();
    }
    ChangeRecord record = ChangeRecord.alarmRollback(alarmNameOrArn, alarmState);
    return Optional.of(Transitions.rollback(rollout, record, now));
  }

  /** An entry for a decision of the controller or an alarm. */
  static ChangeRecord decided(
      String action, String gate, Map<String, Double> values, String reason) {
    String actor = gate != null && gate.startsWith("alarm:") ? gate : CONTROLLER;
    return new ChangeRecord(
        actor, action, gate, values, reason, action, ChangeRecord.severityOf(action));
  }

  /**
   * The decider only acts where the status allows it (a rollback while active; a pause while
   * running or awaiting approval; anything forward while running). Anything else is a bug in the
   * rules, and fails loudly rather than being turned into a quiet hold.
   */
  private static void requireActionable(Rollout rollout, Decision decision) {
    RolloutStatus status = rollout.state().status();
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
    if (!allowed) {
      throw new IllegalStateException(
          rollout.id() + ": the decider returned " + decision + " for a rollout in " + status);
    }
  }

  /**
   * A hold writes when the gate streaks moved, or when what the controller sees is worth recording
   * ({@link dev.flightplan.core.state.ControllerView#worthWritingOver}); a quiet tick writes
   * nothing. The write goes through the same conditional write as every decision.
   */
  private static Optional<Change> held(
      Rollout rollout, Evaluation evaluation, Hold hold, Instant now) {
    RolloutState state = rollout.state();
    ControllerView view = ControllerViews.seen(state, evaluation, hold, now);
    boolean streaksMoved = !state.gates().equals(evaluation.streaks());
    if (!streaksMoved && !view.worthWritingOver(state.view())) {
      return Optional.empty();
    }
    RolloutState next =
        state.toBuilder()
            .gates(evaluation.streaks())
            .view(view)
            .nextEvaluationAt(EvaluationSchedule.next(state, now))
            .build();
    return Optional.of(
        new Change(new Rollout(rollout.plan(), next, rollout.version()), List.of(), Change.HOLD));
  }

  private static Map<String, Double> observed(Evaluation evaluation) {
    Map<String, Double> values = new HashMap<>();
    for (GateResult result : evaluation.gates()) {
      result.values().forEach(values::putIfAbsent);
    }
    return values;
  }
}

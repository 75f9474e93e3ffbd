package dev.flightplan.core.change;

import static dev.flightplan.core.state.RolloutStatus.ABORTED;
import static dev.flightplan.core.state.RolloutStatus.ROLLED_BACK;

import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.Command;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Notification.Severity;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What may happen to a rollout whose plan cannot be read: a rollback or an abort (by a person or an
 * alarm), the controller's quarantine, and the schedule of its pending work. Pure, like the other
 * changes; nothing here needs the plan. Exposure goes to none on the target, when the target is
 * known; what an active rollout exposes is unknown without its plan, so it is never applied.
 */
public final class UnreadableChanges {
  /** The last decision of a rollout the controller skips because its plan cannot be read. */
  public static final String QUARANTINED = "QUARANTINED";

  private UnreadableChanges() {}

  /**
   * A person's rollback or abort.
   *
   * @throws CommandRefusedException for any other command, or when the status does not allow it
   */
  public static UnreadableChange stop(UnreadableRollout rollout, Intent intent, Instant now) {
    Command command = intent.command();
    if (command != Command.ROLLBACK && command != Command.ABORT) {
      throw new CommandRefusedException(refusal(rollout, command));
    }
    Optional<String> byStatus = command.refusal(rollout.state().status());
    if (byStatus.isPresent()) {
      throw new CommandRefusedException(byStatus.get());
    }
    boolean rollback = command == Command.ROLLBACK;
    String verb = rollback ? "rolled back" : "aborted";
    String reason = ChangeWording.byActor(verb, intent.actor(), intent.reason());
    String event = rollback ? NotificationEvents.ROLLBACK : NotificationEvents.ABORT;
    ChangeRecord entry =
        ChangeRecord.announced(intent.actor(), command.historyAction(), reason, event);
    return stopped(rollout, rollback, entry, now);
  }

  /** The rollback an alarm causes, or empty when the rollout is not active or the alarm is OK. */
  public static Optional<UnreadableChange> onAlarm(
      UnreadableRollout rollout, String alarmNameOrArn, AlarmState alarmState, Instant now) {
    // Whether the binding rolls back on INSUFFICIENT_DATA is in the plan: only ALARM is certain.
    if (!rollout.state().status().isActive() || alarmState != AlarmState.ALARM) {
      return Optional.empty();
    }
    ChangeRecord entry = ChangeRecord.alarmRollback(alarmNameOrArn, alarmState);
    return Optional.of(stopped(rollout, true, entry, now));
  }

  /**
   * The controller's first sight of the rollout: recorded, announced (critical while exposure may
   * be live and is no longer watched), and out of the due index once nothing is left to do. Empty
   * when quarantined already, or when it was rolled back or aborted (exposure none: nothing for a
   * person to decide).
   */
  public static Optional<UnreadableChange> quarantine(UnreadableRollout rollout, Instant now) {
    RolloutState state = rollout.state();
    boolean stopped = state.status() == ROLLED_BACK || state.status() == ABORTED;
    boolean already =
        state.lastDecision() != null && QUARANTINED.equals(state.lastDecision().kind());
    if (stopped || already) {
      return Optional.empty();
    }
    String reason = "skipped by the controller: the stored plan cannot be read";
    Severity severity = state.status().isActive() ? Severity.CRITICAL : Severity.WARNING;
    ChangeRecord entry =
        new ChangeRecord(
            DecisionChanges.CONTROLLER,
            QUARANTINED,
            null,
            Map.of(),
            reason,
            NotificationEvents.QUARANTINED,
            severity);
    return Optional.of(record(rollout, state.toBuilder(), entry, now));
  }

  /**
   * When to look at the rollout again: while work is pending that can be done without the plan
   * (notifications to send, exposure to take to none on a known target), and never otherwise.
   */
  public static Instant nextLook(UnreadableRollout rollout, RolloutState state, Instant now) {
    boolean canActuate =
        state.actuationPending() && state.desiredPhase() < 0 && rollout.target().isPresent();
    if (state.outbox().isEmpty() && !canActuate) {
      return null;
    }
    Instant next = state.nextEvaluationAt();
    return next != null && next.isBefore(now) ? next : now;
  }

  /** The message of a command refused because the plan cannot be read. */
  public static String refusal(UnreadableRollout rollout, Command command) {
    return command.wireName()
        + " refused: the stored plan of "
        + rollout.id()
        + " cannot be read ("
        + rollout.problem()
        + "); only rollback and abort work until the plan can be read again";
  }

  private static UnreadableChange stopped(
      UnreadableRollout rollout, boolean rollback, ChangeRecord entry, Instant now) {
    RolloutState old = rollout.state();
    RolloutStateBuilder edit =
        old.toBuilder().status(rollback ? ROLLED_BACK : ABORTED).phase(-1).approvedPhase(-1);
    if (rollback) {
      edit.rolledBackRevision(old.revision()).gates(Map.of());
    }
    // Exposure may be live: take it to none wherever the target is known.
    boolean exposed = old.actuationPending() || old.status().isActive();
    edit.actuationPending(exposed && rollout.target().isPresent());
    return record(rollout, edit, entry, now);
  }

  private static UnreadableChange record(
      UnreadableRollout rollout, RolloutStateBuilder edit, ChangeRecord entry, Instant now) {
    RolloutState old = rollout.state();
    long seq = old.historySeq() + 1;
    RolloutState draft = edit.build();
    List<Notification> outbox = new ArrayList<>(old.outbox());
    outbox.add(UnreadableWording.notification(rollout, seq, old.status(), draft, entry, now));
    RolloutState next =
        draft.toBuilder()
            .historySeq(seq)
            .lastDecision(
                new RolloutState.LastDecision(entry.action(), now, entry.reason(), entry.actor()))
            .updatedAt(now)
            .outbox(outbox)
            .build();
    next = next.toBuilder().nextEvaluationAt(nextLook(rollout, next, now)).build();
    HistoryEntry line =
        ChangeRecorder.line(
            rollout.id(),
            seq,
            now,
            entry,
            old,
            next,
            entry.reason() + " (" + rollout.problem() + ")");
    return new UnreadableChange(rollout.withState(next, rollout.version()), List.of(line));
  }
}

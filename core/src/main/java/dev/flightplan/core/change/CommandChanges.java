package dev.flightplan.core.change;

import static dev.flightplan.core.state.RolloutStatus.ABORTED;
import static dev.flightplan.core.state.RolloutStatus.RUNNING;

import dev.flightplan.core.decide.Wording;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.Command;
import dev.flightplan.core.state.HistoryActions;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStateBuilder;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a person's command does to a rollout's state. Pure: the caller writes it. */
public final class CommandChanges {
  private CommandChanges() {}

  /**
   * The change {@code intent} makes, or empty when it changes nothing (a checklist item already
   * done).
   *
   * @throws CommandRefusedException when the command is not allowed now
   */
  public static Optional<Change> apply(Rollout rollout, Intent intent, Instant now) {
    Optional<String> refusal = intent.command().refusal(rollout, intent.item());
    if (refusal.isPresent()) {
      throw new CommandRefusedException(refusal.get());
    }
    Plan plan = rollout.plan();
    RolloutStateBuilder edit = rollout.state().toBuilder();
    int next = rollout.state().phase() + 1;
    return switch (intent.command()) {
      case START, RETRY -> {
        String verb = intent.command() == Command.RETRY ? "retried" : "started";
        String event =
            intent.command() == Command.RETRY ? NotificationEvents.RETRY : NotificationEvents.START;
        edit.status(RUNNING)
            .phase(0)
            .phaseStartedAt(now)
            .approvedPhase(-1)
            .gates(Map.of())
            .view(null);
        String reason =
            ChangeWording.byActor(
                verb + " at " + ChangeWording.phase(plan, 0), intent.actor(), intent.reason());
        // A person starts when they choose; the window only holds the controller's steps.
        if (!plan.window().isOpen(now)) {
          reason +=
              "; "
                  + Wording.closedWindow(plan.window(), now)
                  + ": this first phase is exposed now, the next ones wait for the window";
        }
        ChangeRecord entry =
            ChangeRecord.announced(intent.actor(), intent.command().historyAction(), reason, event);
        yield record(rollout, edit, entry, now);
      }
      case PAUSE ->
          Optional.of(
              Transitions.pause(
                  rollout, edit, announce(intent, "paused", NotificationEvents.PAUSE), now));
      case RESUME ->
          record(
              rollout,
              edit.status(RUNNING),
              announce(intent, "resumed", NotificationEvents.RESUME),
              now);
      case APPROVE -> {
        ChangeRecord entry =
            announce(
                intent, "approved " + ChangeWording.phase(plan, next), NotificationEvents.APPROVED);
        yield record(rollout, edit.status(RUNNING).approvedPhase(next), entry, now);
      }
      case PROMOTE -> promote(rollout, edit, intent, now);
      case ROLLBACK ->
          Optional.of(
              Transitions.rollback(
                  rollout, announce(intent, "rolled back", NotificationEvents.ROLLBACK), now));
      case ABORT -> {
        edit.status(ABORTED).phase(-1).approvedPhase(-1);
        yield record(rollout, edit, announce(intent, "aborted", NotificationEvents.ABORT), now);
      }
      case CHECKLIST -> checklist(rollout, edit, intent, now);
    };
  }

  /** One phase forward now, bake time and require gates skipped: a human override. */
  private static Optional<Change> promote(
      Rollout rollout, RolloutStateBuilder edit, Intent intent, Instant now) {
    int next = rollout.state().phase() + 1;
    if (next > rollout.plan().lastPhase()) {
      ChangeRecord entry = announce(intent, "promoted to completion", NotificationEvents.COMPLETE);
      return Optional.of(Transitions.complete(rollout, edit, entry, now));
    }
    String verb =
        "promoted to "
            + ChangeWording.phase(rollout.plan(), next)
            + " (bake time and require gates skipped)";
    ChangeRecord entry = announce(intent, verb, NotificationEvents.ADVANCE);
    return Optional.of(Transitions.advance(rollout, edit, next, entry, now));
  }

  private static Optional<Change> checklist(
      Rollout rollout, RolloutStateBuilder edit, Intent intent, Instant now) {
    Set<String> done = new HashSet<>(rollout.state().checklistDone());
    if (!done.add(intent.item())) {
      return Optional.empty();
    }
    String reason =
        ChangeWording.byActor(
            "checklist item " + intent.item() + " done", intent.actor(), intent.reason());
    ChangeRecord entry = ChangeRecord.quiet(intent.actor(), HistoryActions.CHECKLIST, reason);
    return record(rollout, edit.checklistDone(done), entry, now);
  }

  /** "paused by alice: latency looks odd", recorded under the command's name and announced. */
  private static ChangeRecord announce(Intent intent, String verb, String event) {
    String reason = ChangeWording.byActor(verb, intent.actor(), intent.reason());
    return ChangeRecord.announced(intent.actor(), intent.command().historyAction(), reason, event);
  }

  private static Optional<Change> record(
      Rollout rollout, RolloutStateBuilder edit, ChangeRecord entry, Instant now) {
    return Optional.of(ChangeRecorder.record(rollout, rollout.plan(), edit, entry, now));
  }
}

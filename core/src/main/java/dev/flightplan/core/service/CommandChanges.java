package dev.flightplan.core.service;

import static dev.flightplan.core.service.Texts.byActor;

import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a person's command does to a rollout's state. Pure: the caller writes it. */
final class CommandChanges {
  private CommandChanges() {}

  /**
   * The change {@code intent} makes, or empty when it changes nothing (a checklist item already
   * done).
   *
   * @throws CommandRefusedException when the command is not allowed now
   */
  static Optional<Change> apply(Rollout rollout, Intent intent, Instant now) {
    intent
        .command()
        .refusal(rollout, intent.item())
        .ifPresent(
            reason -> {
              throw new CommandRefusedException(reason);
            });
    RolloutState state = rollout.state();
    RolloutStateBuilder edit = state.toBuilder();
    String actor = intent.actor();
    String why = intent.reason();
    return switch (intent.command()) {
      case START ->
          startAtFirstPhase(
              rollout, edit, "start", byActor("started", actor, why), Events.START, intent, now);
      case RETRY ->
          startAtFirstPhase(
              rollout, edit, "retry", byActor("retried", actor, why), Events.RETRY, intent, now);
      case PAUSE ->
          record(
              rollout,
              edit.status(RolloutStatus.PAUSED),
              Entry.announced(actor, "pause", byActor("paused", actor, why), Events.PAUSE),
              now);
      case RESUME ->
          record(
              rollout,
              edit.status(RolloutStatus.RUNNING),
              Entry.announced(actor, "resume", byActor("resumed", actor, why), Events.RESUME),
              now);
      case APPROVE -> {
        String reason =
            byActor("approved", actor, why)
                + " for "
                + Texts.phase(rollout.plan(), state.phase() + 1);
        edit.status(RolloutStatus.RUNNING).approvedPhase(state.phase() + 1);
        yield record(
            rollout, edit, Entry.announced(actor, "approve", reason, Events.APPROVED), now);
      }
      case PROMOTE -> promote(rollout, edit, intent, now);
      case ROLLBACK ->
          Optional.of(
              StateChanges.rollback(
                  rollout,
                  new Entry(
                      actor,
                      "rollback",
                      null,
                      Map.of(),
                      byActor("rolled back", actor, why),
                      Events.ROLLBACK,
                      Entry.severityOf(Events.ROLLBACK)),
                  now));
      case ABORT ->
          record(
              rollout,
              edit.status(RolloutStatus.ABORTED).phase(-1).approvedPhase(-1),
              Entry.announced(actor, "abort", byActor("aborted", actor, why), Events.ABORT),
              now);
      case CHECKLIST -> checklist(rollout, edit, intent, now);
    };
  }

  private static Optional<Change> startAtFirstPhase(
      Rollout rollout,
      RolloutStateBuilder edit,
      String action,
      String reason,
      String event,
      Intent intent,
      Instant now) {
    edit.status(RolloutStatus.RUNNING)
        .phase(0)
        .phaseStartedAt(now)
        .approvedPhase(-1)
        .gates(Map.of());
    String text = reason + "; now at " + Texts.phase(rollout.plan(), 0);
    return record(rollout, edit, Entry.announced(intent.actor(), action, text, event), now);
  }

  /** One phase forward now, bake time and require gates skipped: a human override. */
  private static Optional<Change> promote(
      Rollout rollout, RolloutStateBuilder edit, Intent intent, Instant now) {
    int next = rollout.state().phase() + 1;
    String actor = intent.actor();
    if (next > rollout.plan().lastPhase()) {
      String reason = byActor("promoted to completion", actor, intent.reason());
      edit.status(RolloutStatus.COMPLETED);
      return record(rollout, edit, Entry.announced(actor, "promote", reason, Events.COMPLETE), now);
    }
    String reason =
        byActor("promoted to " + Texts.phase(rollout.plan(), next), actor, intent.reason())
            + " (bake time and require gates skipped)";
    edit.status(RolloutStatus.RUNNING).phase(next).phaseStartedAt(now);
    return record(rollout, edit, Entry.announced(actor, "promote", reason, Events.ADVANCE), now);
  }

  private static Optional<Change> checklist(
      Rollout rollout, RolloutStateBuilder edit, Intent intent, Instant now) {
    Set<String> done = new HashSet<>(rollout.state().checklistDone());
    if (!done.add(intent.item())) {
      return Optional.empty();
    }
    String reason =
        byActor("checklist item " + intent.item() + " done", intent.actor(), intent.reason());
    return record(
        rollout, edit.checklistDone(done), Entry.quiet(intent.actor(), "checklist", reason), now);
  }

  private static Optional<Change> record(
      Rollout rollout, RolloutStateBuilder edit, Entry entry, Instant now) {
    return Optional.of(ChangeRecorder.record(rollout, rollout.plan(), edit, entry, now));
  }
}

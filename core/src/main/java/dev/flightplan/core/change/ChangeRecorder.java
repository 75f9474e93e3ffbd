package dev.flightplan.core.change;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an edited state into a {@link Change}: the bookkeeping every change of substance shares
 * (history seq, last decision, pending actuation, outbox, next evaluation), so that the rules stay
 * in the callers and no caller forgets a field.
 */
final class ChangeRecorder {
  private ChangeRecorder() {}

  static Change record(
      Rollout from, Plan plan, RolloutStateBuilder edited, ChangeRecord entry, Instant now) {
    RolloutState old = from.state();
    long seq = old.historySeq() + 1;
    RolloutState draft = edited.build();
    if (draft.status() != old.status() && !old.status().canTransitionTo(draft.status())) {
      throw new IllegalStateException(
          from.id() + ": no transition from " + old.status() + " to " + draft.status());
    }
    boolean exposureMoved =
        !Objects.equals(from.desiredExposure(), plan.exposureAt(draft.desiredPhase()));
    boolean targetMoved = !from.plan().target().equals(plan.target());
    List<Notification> outbox = new ArrayList<>(old.outbox());
    if (entry.event() != null
        && NotificationEvents.sentAtOnce(entry.event(), plan.notifications())) {
      outbox.add(ChangeWording.notification(from.id(), seq, old.status(), draft, plan, entry, now));
    }
    RolloutState next =
        draft.toBuilder()
            .historySeq(seq)
            .lastDecision(
                new RolloutState.LastDecision(entry.action(), now, entry.reason(), entry.actor()))
            .updatedAt(now)
            .actuationPending(old.actuationPending() || exposureMoved || targetMoved)
            .outbox(outbox)
            .build();
    next = next.toBuilder().nextEvaluationAt(EvaluationSchedule.next(next, now)).build();
    HistoryEntry line = line(from.id(), seq, now, entry, old, next, entry.reason());
    return new Change(new Rollout(plan, next, from.version()), List.of(line), event(entry));
  }

  /** The history line of a change: who, what, from which status to which, and why. */
  static HistoryEntry line(
      String id,
      long seq,
      Instant now,
      ChangeRecord entry,
      RolloutState old,
      RolloutState next,
      String reason) {
    return new HistoryEntry(
        id,
        seq,
        now,
        entry.actor(),
        entry.action(),
        old.status(),
        next.status(),
        next.phase(),
        entry.gate(),
        entry.values(),
        reason);
  }

  private static String event(ChangeRecord entry) {
    return entry.event() != null ? entry.event() : entry.action();
  }
}

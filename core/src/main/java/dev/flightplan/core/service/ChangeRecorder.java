package dev.flightplan.core.service;

import dev.flightplan.core.plan.Exposure;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an edited state into a {@link Change}: the bookkeeping every change of substance shares
 * (history seq, last decision, pending actuation, outbox, next evaluation), so that the rules stay
 * in the callers and no caller forgets a field.
 */
final class ChangeRecorder {
  /** How often an active rollout is looked at: the tick's rate. */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private ChangeRecorder() {}

  static Change record(
      Rollout from, Plan plan, RolloutStateBuilder edited, Entry entry, Instant now) {
    RolloutState old = from.state();
    long seq = old.historySeq() + 1;
    RolloutState draft = edited.build();
    if (draft.status() != old.status() && !old.status().canTransitionTo(draft.status())) {
      throw new IllegalStateException(
          from.id() + ": no transition from " + old.status() + " to " + draft.status());
    }
    boolean exposureMoved = !Objects.equals(desired(from.plan(), old), desired(plan, draft));
    boolean targetMoved = !from.plan().target().equals(plan.target());
    List<Notification> outbox = new ArrayList<>(old.outbox());
    if (entry.event() != null) {
      outbox.add(Texts.notification(from.id(), seq, old.status(), draft, plan, entry, now));
    }
    RolloutState next =
        draft.toBuilder()
            .historySeq(seq)
            .lastDecision(new RolloutState.LastDecision(entry.action(), now, entry.reason()))
            .updatedAt(now)
            .actuationPending(old.actuationPending() || exposureMoved || targetMoved)
            .outbox(outbox)
            .build();
    next = next.toBuilder().nextEvaluationAt(nextEvaluation(next, now)).build();
    HistoryEntry line =
        new HistoryEntry(
            from.id(),
            seq,
            now,
            entry.actor(),
            entry.action(),
            old.status(),
            next.status(),
            next.phase(),
            entry.gate(),
            entry.values(),
            entry.reason());
    return new Change(new Rollout(plan, next, from.version()), List.of(line), event(entry));
  }

  /** The exposure the target should have in this state. */
  static Exposure desired(Plan plan, RolloutState state) {
    return plan.exposureAt(state.desiredPhase());
  }

  /**
   * When the controller should look again: the next tick while active; the next tick while a
   * finished rollout still has work pending; never otherwise.
   */
  static Instant nextEvaluation(RolloutState state, Instant now) {
    if (state.status().isActive()) {
      return now.truncatedTo(ChronoUnit.MINUTES).plus(INTERVAL);
    }
    if (state.hasPendingWork()) {
      return state.nextEvaluationAt() != null && state.nextEvaluationAt().isBefore(now)
          ? state.nextEvaluationAt()
          : now;
    }
    return null;
  }

  private static String event(Entry entry) {
    return entry.event() != null ? entry.event() : entry.action();
  }
}

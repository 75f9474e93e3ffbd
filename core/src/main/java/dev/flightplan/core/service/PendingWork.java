package dev.flightplan.core.service;

import dev.flightplan.core.change.EvaluationSchedule;
import dev.flightplan.core.plan.Exposure;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

/**
 * Does what a stored state change left to do: apply the desired exposure, then send the outbox.
 * Failures of the actuator or the notifier leave the work pending in the store, where the next tick
 * finds it; they are logged, never thrown.
 */
final class PendingWork {
  private static final System.Logger LOG = System.getLogger(PendingWork.class.getName());

  private final RolloutStore store;
  private final Actuator actuator;
  private final Outbox outbox;
  private final Clock clock;

  PendingWork(RolloutStore store, Actuator actuator, Notifier notifier, Clock clock) {
    this.store = store;
    this.actuator = actuator;
    this.outbox = new Outbox(store, notifier, clock);
    this.clock = clock;
  }

  /** Settles what it can and returns the rollout as last seen in the store. */
  Rollout settle(Rollout rollout) {
    Rollout actuated = actuate(rollout);
    Rollout sent = outbox.send(actuated);
    return retire(sent);
  }

  /**
   * Applies the desired exposure, then clears the pending flag on the version it was read from.
   * When that write conflicts, someone changed the rollout meanwhile and our apply may have undone
   * theirs: apply what the store wants now, until an apply is confirmed by an unchanged version.
   */
  private Rollout actuate(Rollout read) {
    Rollout current = read;
    boolean mustApply = current.state().actuationPending();
    for (int attempt = 0; mustApply && attempt < ConditionalWriter.MAX_ATTEMPTS; attempt++) {
      Exposure exposure = current.desiredExposure();
      Target target = current.plan().target();
      try {
        actuator.apply(current.id(), target, exposure);
      } catch (ActuationException e) {
        LOG.log(Level.WARNING, current.id() + ": exposure not applied, retried next tick", e);
        return current;
      }
      try {
        return store.update(withState(current, cleared(current.state())), List.of());
      } catch (VersionConflictException e) {
        if (e.current() == null) {
          return current;
        }
        Rollout now = e.current();
        mustApply =
            now.state().actuationPending()
                || !now.desiredExposure().equals(exposure)
                || !now.plan().target().equals(target);
        current = now;
      }
    }
    return current;
  }

  private RolloutState cleared(RolloutState state) {
    return EvaluationSchedule.reschedule(
        state.toBuilder().actuationPending(false).build(), clock.instant());
  }

  /** A finished rollout with nothing left to do drops out of the due query. */
  private Rollout retire(Rollout rollout) {
    RolloutState state = rollout.state();
    if (state.status().isActive() || state.hasPendingWork() || state.nextEvaluationAt() == null) {
      return rollout;
    }
    try {
      return store.update(
          withState(rollout, EvaluationSchedule.reschedule(state, clock.instant())), List.of());
    } catch (VersionConflictException e) {
      return e.current() != null ? e.current() : rollout;
    }
  }

  static Rollout withState(Rollout rollout, RolloutState state) {
    return new Rollout(rollout.plan(), state, rollout.version());
  }
}

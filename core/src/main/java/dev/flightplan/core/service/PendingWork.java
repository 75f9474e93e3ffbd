package dev.flightplan.core.service;

import dev.flightplan.core.change.EvaluationSchedule;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.evaluation.Exposure;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Does what a stored state change left to do: apply the desired exposure, send the outbox, then
 * record both in one follow-up write. Failures of the actuator or the notifier leave the work
 * pending in the store, where the next tick finds it; they are logged, never thrown.
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
    this.outbox = new Outbox(notifier);
    this.clock = clock;
  }

  /** A fresh lease owner for a writer that claims the outbox in its state write. */
  static String newOwner() {
    return UUID.randomUUID().toString();
  }

  /**
   * Settles what it can and returns the rollout as last seen in the store.
   *
   * @param owner the lease owner the stored write claimed the outbox for, or null when it claimed
   *     none (then one more write claims it, if there is anything to send)
   */
  Rollout settle(Rollout stored, String owner) {
    Rollout current = stored;
    if (!Outbox.heldBy(current.state(), owner, clock.instant())
        && Outbox.claimable(current.state(), clock.instant())) {
      owner = newOwner();
      current = claim(current, owner);
    }
    Applied applied = current.state().actuationPending() ? apply(current) : null;
    Set<String> sent =
        Outbox.heldBy(current.state(), owner, clock.instant()) ? outbox.deliver(current) : Set.of();
    return record(current, applied, owner, sent);
  }

  /**
   * As {@link #settle(Rollout, String)} for a rollout whose stored write claimed the outbox for
   * {@code owner}, with the outbox sent on {@code notices} while the exposure is applied here: the
   * two are independent once the state is stored, and the exposure, which matters most, waits for
   * no hand-over. Both have ended before the one write that records them. An actuation that fails
   * in any way is left pending for the next tick.
   */
  Rollout settle(Rollout stored, String owner, Executor notices) {
    // One reading of the clock, so the lease is judged the same way for both questions.
    Instant now = clock.instant();
    boolean held = Outbox.heldBy(stored.state(), owner, now);
    if (!held && Outbox.claimable(stored.state(), now)) {
      return settle(stored, owner); // the claim takes a write of its own first
    }
    CompletableFuture<Set<String>> sent =
        held
            ? CompletableFuture.supplyAsync(() -> outbox.deliver(stored), notices)
            : CompletableFuture.completedFuture(Set.of());
    Applied applied = stored.state().actuationPending() ? applyOrLeave(stored) : null;
    return record(stored, applied, owner, sent.join());
  }

  private Applied applyOrLeave(Rollout rollout) {
    try {
      return apply(rollout);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, rollout.id() + ": exposure not applied, retried next tick", e);
      return null;
    }
  }

  private Rollout claim(Rollout rollout, String owner) {
    try {
      return store.update(
          with(rollout, Outbox.claimed(rollout.state(), owner, clock.instant())), List.of());
    } catch (VersionConflictException e) {
      return e.current() != null ? e.current() : rollout;
    }
  }

  /**
   * What the actuator was last told, so that a conflicting write can tell whether it still holds.
   */
  private record Applied(Target target, Exposure exposure) {
    boolean matches(Rollout rollout) {
      return rollout.plan().target().equals(target) && rollout.desiredExposure().equals(exposure);
    }
  }

  private Applied apply(Rollout rollout) {
    Exposure exposure = rollout.desiredExposure();
    Target target = rollout.plan().target();
    try {
      actuator.apply(rollout.id(), target, exposure);
      return new Applied(target, exposure);
    } catch (ActuationException e) {
      LOG.log(Level.WARNING, rollout.id() + ": exposure not applied, retried next tick", e);
      return null;
    }
  }

  /**
   * One conditional write: actuation confirmed, sent notifications removed, the lease given back,
   * the schedule kept right. When it conflicts, someone changed the rollout meanwhile and our apply
   * may have undone theirs: apply what the store wants now, and record on that version.
   */
  private Rollout record(Rollout read, Applied applied, String owner, Set<String> sent) {
    Rollout current = read;
    for (int attempt = 0; attempt < ConditionalWriter.MAX_ATTEMPTS; attempt++) {
      RolloutState next = settled(current, applied, owner, sent);
      if (next.equals(current.state())) {
        return current;
      }
      try {
        return store.update(with(current, next), List.of());
      } catch (VersionConflictException e) {
        if (e.current() == null) {
          return current;
        }
        current = e.current();
        if (applied != null && (current.state().actuationPending() || !applied.matches(current))) {
          applied = apply(current);
        }
      }
    }
    throw new IllegalStateException(
        read.id()
            + ": pending work not recorded after "
            + ConditionalWriter.MAX_ATTEMPTS
            + " tries");
  }

  private RolloutState settled(Rollout rollout, Applied applied, String owner, Set<String> sent) {
    RolloutState state = Outbox.released(rollout.state(), owner, sent);
    if (applied != null && applied.matches(rollout)) {
      state = state.toBuilder().actuationPending(false).build();
    }
    // A finished rollout with nothing left to do drops out of the due query.
    return EvaluationSchedule.reschedule(state, clock.instant());
  }

  static Rollout with(Rollout rollout, RolloutState state) {
    return new Rollout(rollout.plan(), state, rollout.version());
  }
}

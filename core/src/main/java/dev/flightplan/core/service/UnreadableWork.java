package dev.flightplan.core.service;

import dev.flightplan.core.change.UnreadableChange;
import dev.flightplan.core.change.UnreadableChanges;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.UnreadableRollout;
import dev.flightplan.evaluation.Exposure;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The writes of a rollout whose plan cannot be read, through {@link RolloutStore#updateState},
 * which never touches the stored plan: a change, retried on conflict after reading again (a
 * rollback must win every race), then its pending work as {@link PendingWork} does it, with what
 * needs no plan: exposure to none on the known target, notifications to the default topic.
 */
final class UnreadableWork {
  private static final System.Logger LOG = System.getLogger(UnreadableWork.class.getName());

  private final RolloutStore store;
  private final Actuator actuator;
  private final Outbox outbox;
  private final Clock clock;

  UnreadableWork(RolloutStore store, Actuator actuator, Notifier notifier, Clock clock) {
    this.store = store;
    this.actuator = actuator;
    this.outbox = new Outbox(notifier);
    this.clock = clock;
  }

  /**
   * Writes what {@code decide} makes of the rollout as stored, claiming the outbox, then settles
   * its pending work; returns it as last seen. Empty when {@code decide} found nothing to write.
   */
  Optional<UnreadableRollout> change(
      UnreadableRollout read, Function<UnreadableRollout, Optional<UnreadableChange>> decide) {
    UnreadableRollout current = read;
    for (int attempt = 1; attempt <= ConditionalWriter.MAX_ATTEMPTS; attempt++) {
      Optional<UnreadableChange> change = decide.apply(current);
      if (change.isEmpty()) {
        return Optional.empty();
      }
      String owner = PendingWork.newOwner();
      RolloutState claimed = Outbox.claimed(change.get().rollout().state(), owner, clock.instant());
      try {
        UnreadableRollout stored = store.updateState(current, claimed, change.get().history());
        return Optional.of(settleQuietly(stored, owner));
      } catch (VersionConflictException e) {
        current = reread(read.id());
      }
    }
    throw new IllegalStateException(
        read.id() + ": change not stored after " + ConditionalWriter.MAX_ATTEMPTS + " conflicts");
  }

  /** Settles pending work; failures are logged and left for the next tick. */
  UnreadableRollout settleQuietly(UnreadableRollout stored, String owner) {
    try {
      return settle(stored, owner);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, stored.id() + ": pending work left for the next tick", e);
      return stored;
    }
  }

  /** Applies exposure none and sends the outbox, then records both in one follow-up write. */
  UnreadableRollout settle(UnreadableRollout stored, String owner) {
    UnreadableRollout current = stored;
    if (!Outbox.heldBy(current.state(), owner, clock.instant())
        && Outbox.claimable(current.state(), clock.instant())) {
      owner = PendingWork.newOwner();
      current = write(current, Outbox.claimed(current.state(), owner, clock.instant()));
    }
    boolean actuated = takeToNone(current);
    Set<String> sent =
        Outbox.heldBy(current.state(), owner, clock.instant())
            ? outbox.deliver(current.state(), Notify.DEFAULT.topic())
            : Set.of();
    RolloutState next = Outbox.released(current.state(), owner, sent);
    if (actuated) {
      next = next.toBuilder().actuationPending(false).build();
    }
    next =
        next.toBuilder()
            .nextEvaluationAt(UnreadableChanges.nextLook(current, next, clock.instant()))
            .build();
    return next.equals(current.state()) ? current : write(current, next);
  }

  private boolean takeToNone(UnreadableRollout rollout) {
    RolloutState state = rollout.state();
    if (!state.actuationPending() || state.desiredPhase() >= 0 || rollout.target().isEmpty()) {
      return false;
    }
    try {
      actuator.apply(rollout.id(), rollout.target().get(), Exposure.NONE);
      return true;
    } catch (ActuationException e) {
      LOG.log(Level.WARNING, rollout.id() + ": exposure not taken to none, retried next tick", e);
      return false;
    }
  }

  /** A write of pending work only; on conflict the rollout as stored now, for the next tick. */
  private UnreadableRollout write(UnreadableRollout rollout, RolloutState next) {
    try {
      return store.updateState(rollout, next, List.of());
    } catch (VersionConflictException e) {
      return reread(rollout.id());
    }
  }

  /**
   * The rollout as stored now. A plan that reads again (stored by a person or another version) is a
   * concurrent change the caller did not decide on: the conflict stands, with that rollout.
   */
  private UnreadableRollout reread(String id) {
    Optional<Rollout> readable;
    try {
      readable = store.get(id);
    } catch (UnreadableRolloutException e) {
      return e.rollout();
    }
    if (readable.isEmpty()) {
      throw new RolloutNotFoundException(id);
    }
    throw new VersionConflictException(id, readable.get());
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.change.DecisionChanges;
import dev.flightplan.core.change.UnreadableChanges;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The way back of one rollout bound to an alarm, in three steps that an alarm delivery runs for
 * every bound rollout at once: read it, store its rollback (conditionally, winning every race),
 * then settle what the stored rollback left to do (exposure and notification, together).
 */
final class BoundRollback {
  private static final System.Logger LOG = System.getLogger(BoundRollback.class.getName());

  private final RolloutStore store;
  private final ConditionalWriter writer;
  private final PendingWork pending;
  private final UnreadableWork unreadable;
  private final Executor notices;

  BoundRollback(
      RolloutStore store, Actuator actuator, Notifier notifier, Clock clock, Executor notices) {
    this.store = store;
    this.writer = new ConditionalWriter(store, clock);
    this.pending = new PendingWork(store, actuator, notifier, clock);
    this.unreadable = new UnreadableWork(store, actuator, notifier, clock);
    this.notices = notices;
  }

  /** What the read found: a rollout, one whose plan does not read, or neither (it is gone). */
  record Found(Rollout rollout, UnreadableRollout unreadable) {}

  /**
   * What the write left: the rollout as stored, and the outbox lease its write claimed; {@code
   * settled} when nothing is left to do here (nothing was written, or the unreadable path settled).
   */
  record Stored(StoredRollout rollout, String leaseOwner, boolean settled) {
    static final Stored NOTHING = new Stored(null, null, true);
  }

  Found read(String id) {
    try {
      return new Found(store.get(id).orElse(null), null);
    } catch (UnreadableRolloutException e) {
      return new Found(null, e.rollout());
    }
  }

  /** Stores the rollback; throws when it could not be stored. */
  Stored store(Found found, String alarm, AlarmState state, Instant now) {
    if (found.unreadable() != null) {
      // The way back needs no plan: the binding found the rollout, its state says it is active.
      return unreadable
          .change(found.unreadable(), r -> UnreadableChanges.onAlarm(r, alarm, state, now))
          .map(r -> new Stored(r, null, true))
          .orElse(Stored.NOTHING);
    }
    if (found.rollout() == null) {
      return Stored.NOTHING;
    }
    var outcome = writer.write(found.rollout(), r -> DecisionChanges.onAlarm(r, alarm, state, now));
    return outcome.change().isEmpty()
        ? Stored.NOTHING
        : new Stored(outcome.rollout(), outcome.leaseOwner(), false);
  }

  /** Settles a stored rollback; what fails is logged and left for the next tick. */
  Optional<StoredRollout> settle(Stored stored) {
    if (stored.settled()) {
      return Optional.ofNullable(stored.rollout());
    }
    Rollout rollout = (Rollout) stored.rollout();
    try {
      return Optional.of(pending.settle(rollout, stored.leaseOwner(), notices));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, rollout.id() + ": rolled back; exposure or notice left for next tick", e);
      return Optional.of(rollout);
    }
  }
}

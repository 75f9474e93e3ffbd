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
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An alarm entered ALARM: roll back every active rollout bound to it, at once (docs/design.md §1.3,
 * §4.3). The rollback retries until it is stored; exposure and notifications follow, and whatever
 * of those fails the next tick finishes.
 *
 * <p>The event id is recorded only after every rollback was stored, so a failed run is redone when
 * the event is delivered again; a duplicate of a handled event changes nothing.
 */
public final class AlarmRollback {
  private static final System.Logger LOG = System.getLogger(AlarmRollback.class.getName());
  private static final Duration KEEP_EVENT_KEYS = Duration.ofDays(1);

  private final RolloutStore store;
  private final ConditionalWriter writer;
  private final PendingWork pending;
  private final UnreadableWork unreadable;

  public AlarmRollback(RolloutStore store, Actuator actuator, Notifier notifier, Clock clock) {
    this.store = store;
    this.writer = new ConditionalWriter(store, clock);
    this.pending = new PendingWork(store, actuator, notifier, clock);
    this.unreadable = new UnreadableWork(store, actuator, notifier, clock);
  }

  /**
   * Handles one alarm state change.
   *
   * @return the rollouts this event rolled back, as stored afterwards
   * @throws IllegalStateException when a rollback could not be stored; the event should be retried
   */
  public List<StoredRollout> handle(
      String alarmNameOrArn, AlarmState state, String eventId, Instant now) {
    String key = "alarm:" + eventId;
    if (state == AlarmState.OK || store.isProcessed(key)) {
      store.markProcessed(key, now.plus(KEEP_EVENT_KEYS));
      return List.of();
    }
    List<StoredRollout> rolledBack = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String id : store.rolloutsBoundTo(alarmNameOrArn)) {
      try {
        rollBack(id, alarmNameOrArn, state, now).ifPresent(rolledBack::add);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, id + ": rollback for alarm " + alarmNameOrArn + " not stored", e);
        failed.add(id);
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException(
          "alarm " + alarmNameOrArn + ": rollback not stored for " + String.join(", ", failed));
    }
    store.markProcessed(key, now.plus(KEEP_EVENT_KEYS));
    return rolledBack;
  }

  private Optional<? extends StoredRollout> rollBack(
      String id, String alarm, AlarmState state, Instant now) {
    try {
      return rollBackReadable(id, alarm, state, now);
    } catch (UnreadableRolloutException e) {
      // The way back needs no plan: the binding found the rollout, its state says it is active.
      return unreadable.change(e.rollout(), r -> UnreadableChanges.onAlarm(r, alarm, state, now));
    }
  }

  private Optional<Rollout> rollBackReadable(
      String id, String alarm, AlarmState state, Instant now) {
    Optional<Rollout> read = store.get(id);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    var outcome = writer.write(read.get(), r -> DecisionChanges.onAlarm(r, alarm, state, now));
    if (outcome.change().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(pending.settle(outcome.rollout(), outcome.leaseOwner()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, id + ": rolled back; exposure or notice left for the next tick", e);
      return Optional.of(outcome.rollout());
    }
  }
}

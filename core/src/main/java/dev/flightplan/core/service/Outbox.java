package dev.flightplan.core.service;

import dev.flightplan.core.change.EvaluationSchedule;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends a rollout's stored notifications. A writer first claims the outbox with a lease (a
 * conditional write), so two writers never send the same message; then it sends in order and
 * removes what went out. What failed stays for the next tick.
 */
final class Outbox {
  /** Long enough for a batch of sends; short, so a writer that died blocks nothing for long. */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  private final RolloutStore store;
  private final Notifier notifier;
  private final Clock clock;

  Outbox(RolloutStore store, Notifier notifier, Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** Sends until the outbox is empty, a send fails, or another writer holds the lease. */
  Rollout send(Rollout read) {
    Rollout current = read;
    for (int round = 0; round < ConditionalWriter.MAX_ATTEMPTS; round++) {
      if (nothingToSend(current)) {
        return current;
      }
      String owner = UUID.randomUUID().toString();
      Lease lease = new Lease(owner, clock.instant().plus(LEASE));
      Rollout claimed;
      try {
        claimed =
            store.update(
                with(current, current.state().toBuilder().outboxLease(lease).build()), List.of());
      } catch (VersionConflictException e) {
        if (e.current() == null) {
          return current;
        }
        current = e.current();
        continue;
      }
      Set<String> sent = new HashSet<>();
      boolean complete = deliver(claimed, sent);
      current = release(claimed, owner, sent);
      if (!complete) {
        return current;
      }
    }
    return current;
  }

  private boolean nothingToSend(Rollout rollout) {
    RolloutState state = rollout.state();
    Lease lease = state.outboxLease();
    return state.outbox().isEmpty() || (lease != null && lease.isValidAt(clock.instant()));
  }

  /** Sends the outbox to the plan's topic, in order, stopping at the first failure. */
  private boolean deliver(Rollout claimed, Set<String> sent) {
    String topic = claimed.plan().notifications().topic();
    for (Notification message : claimed.state().outbox()) {
      try {
        notifier.send(message, topic);
        sent.add(message.id());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, message.id() + ": notification not sent, retried next tick", e);
        return false;
      }
    }
    return true;
  }

  /** Removes what was sent and gives the lease back, on whatever version the store holds now. */
  private Rollout release(Rollout claimed, String owner, Set<String> sent) {
    Rollout current = claimed;
    for (int attempt = 0; attempt < ConditionalWriter.MAX_ATTEMPTS; attempt++) {
      RolloutState state = current.state();
      Lease lease = state.outboxLease();
      RolloutState released =
          state.toBuilder()
              .outbox(state.outbox().stream().filter(n -> !sent.contains(n.id())).toList())
              .outboxLease(lease != null && lease.heldBy(owner) ? null : lease)
              .build();
      try {
        return store.update(
            with(current, EvaluationSchedule.reschedule(released, clock.instant())), List.of());
      } catch (VersionConflictException e) {
        if (e.current() == null) {
          return current;
        }
        current = e.current();
      }
    }
    throw new IllegalStateException(
        claimed.id() + ": sent notifications not removed from the outbox: " + sent);
  }

  private static Rollout with(Rollout rollout, RolloutState state) {
    return new Rollout(rollout.plan(), state, rollout.version());
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A rollout's stored notifications. A writer claims the outbox with a lease inside a conditional
 * write — usually the very write that stores the change — so two writers never send the same
 * message; it sends in order and, in its follow-up write, removes what went out and gives the lease
 * back. What failed stays for the next tick; a writer that died holds the lease only until it
 * expires.
 */
final class Outbox {
  /** Long enough for a batch of sends; short, so a writer that died blocks nothing for long. */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  private final Notifier notifier;

  Outbox(Notifier notifier) {
    this.notifier = notifier;
  }

  /** Whether {@code owner} may claim: something to send and no other writer's lease in force. */
  static boolean claimable(RolloutState state, Instant now) {
    Lease lease = state.outboxLease();
    return !state.outbox().isEmpty() && (lease == null || !lease.isValidAt(now));
  }

  /** The state with the outbox claimed by {@code owner}, when it can be claimed; else as is. */
  static RolloutState claimed(RolloutState state, String owner, Instant now) {
    return claimable(state, now)
        ? state.toBuilder().outboxLease(new Lease(owner, now.plus(LEASE))).build()
        : state;
  }

  static boolean heldBy(RolloutState state, String owner, Instant now) {
    Lease lease = state.outboxLease();
    return owner != null && lease != null && lease.heldBy(owner) && lease.isValidAt(now);
  }

  /** Removes what was sent and gives {@code owner}'s lease back, on any version of the state. */
  static RolloutState released(RolloutState state, String owner, Set<String> sent) {
    Lease lease = state.outboxLease();
    return state.toBuilder()
        .outbox(state.outbox().stream().filter(n -> !sent.contains(n.id())).toList())
        .outboxLease(lease != null && lease.heldBy(owner) ? null : lease)
        .build();
  }

  /** Sends the outbox to the plan's topic, in order, stopping at the first failure. */
  Set<String> deliver(Rollout claimed) {
    return deliver(claimed.state(), claimed.plan().notifications().topic());
  }

  /** Sends a claimed state's outbox to {@code topic}, in order, stopping at the first failure. */
  Set<String> deliver(RolloutState claimed, String topic) {
    Set<String> sent = new HashSet<>();
    for (Notification message : claimed.outbox()) {
      try {
        notifier.send(message, topic);
        sent.add(message.id());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, message.id() + ": notification not sent, retried next tick", e);
        break;
      }
    }
    return sent;
  }
}

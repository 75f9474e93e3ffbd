package dev.flightplan.core.service;

import dev.flightplan.core.digest.DigestPeriod;
import dev.flightplan.core.digest.DigestWording;
import dev.flightplan.core.digest.RolloutDigest;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.Rollout;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sends the digests due (docs/design.md §4.5): per topic and cadence, one message per period about
 * the active rollouts with that digest, from the rollouts the tick read anyway (every active
 * rollout is due every minute). A digest is recorded as sent with a processed-event key only after
 * the notifier took it, so a failed send is tried again on every tick until its period is no longer
 * the last completed one; a send whose record failed goes again with the same id, which subscribers
 * dedupe on (at least once, like every notification).
 */
final class Digests {
  private static final System.Logger LOG = System.getLogger(Digests.class.getName());
  private static final Duration KEEP_AFTER_RETRIES = Duration.ofDays(1);

  private final RolloutStore store;
  private final Notifier notifier;

  /** Per topic and cadence, the key of the last digest known sent: no store read until the next. */
  private final Map<String, String> knownSent = new ConcurrentHashMap<>();

  Digests(RolloutStore store, Notifier notifier) {
    this.store = store;
    this.notifier = notifier;
  }

  /**
   * The last completed hourly and daily periods a pass over every active rollout covered without a
   * failed send: until one of them ends, there is nothing new to send and nothing to read.
   */
  private volatile String passed;

  /**
   * Sends what is due among the active rollouts, read from {@code active} only when a digest period
   * ended since this process's last complete pass: a fanned-out tick reads every active rollout
   * once an hour, not every minute. Returns how many digests went out. Never throws.
   */
  int sendDueOncePerPeriod(Supplier<List<Rollout>> active, Instant now) {
    String periods =
        DigestPeriod.lastCompleted(Notify.Digest.HOURLY, now).start()
            + "/"
            + DigestPeriod.lastCompleted(Notify.Digest.DAILY, now).start();
    if (periods.equals(passed)) {
      return 0;
    }
    Sent sent = sendAll(active.get(), now);
    if (sent.failed() == 0) {
      passed = periods;
    }
    return sent.sent();
  }

  /** Sends what is due among {@code due}; returns how many digests went out. Never throws. */
  int sendDue(List<Rollout> due, Instant now) {
    return sendAll(due, now).sent();
  }

  private record Sent(int sent, int failed) {}

  private Sent sendAll(List<Rollout> due, Instant now) {
    Map<Group, List<Rollout>> groups =
        due.stream()
            .filter(r -> r.state().status().isActive())
            .filter(r -> r.plan().notifications().digest() != Notify.Digest.NONE)
            .collect(Collectors.groupingBy(Group::of, TreeMap::new, Collectors.toList()));
    int sent = 0;
    int failed = 0;
    for (Map.Entry<Group, List<Rollout>> group : groups.entrySet()) {
      try {
        sent += send(group.getKey(), group.getValue(), now) ? 1 : 0;
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, group.getKey() + ": digest not sent, tried again next tick", e);
      }
    }
    return new Sent(sent, failed);
  }

  private boolean send(Group group, List<Rollout> rollouts, Instant now) {
    DigestPeriod period = DigestPeriod.lastCompleted(group.cadence(), now);
    List<Rollout> members =
        rollouts.stream()
            .filter(r -> r.state().createdAt().isBefore(period.end()))
            .sorted(Comparator.comparing(Rollout::id))
            .toList();
    String key = period.key(group.topic());
    if (members.isEmpty() || key.equals(knownSent.get(group.toString()))) {
      return false; // nothing to summarise yet (all created since), or known sent
    }
    if (store.isProcessed(key)) {
      knownSent.put(group.toString(), key);
      return false;
    }
    // Lazily: a rollout's history is read only when the digest has room to list it.
    var digests = members.stream().map(r -> summary(r, period, now));
    notifier.send(
        DigestWording.digest(group.topic(), period, members.size(), digests), group.topic());
    store.markProcessed(key, period.end().plus(period.length()).plus(KEEP_AFTER_RETRIES));
    knownSent.put(group.toString(), key);
    return true;
  }

  private RolloutDigest summary(Rollout rollout, DigestPeriod period, Instant now) {
    return new RolloutDigest(
        rollout,
        store.history(rollout.id()).stream().filter(e -> period.contains(e.at())).toList(),
        now);
  }

  /** Rollouts that share a digest message: same topic, same cadence. */
  private record Group(String topic, Notify.Digest cadence) implements Comparable<Group> {
    static Group of(Rollout rollout) {
      Notify notify = rollout.plan().notifications();
      return new Group(notify.topic(), notify.digest());
    }

    @Override
    public int compareTo(Group other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return topic + "/" + cadence.wireName();
    }
  }
}

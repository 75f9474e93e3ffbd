package dev.flightplan.core.port.memory;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutExistsException;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link RolloutStore} in memory, for tests and the local mode. Thread-safe; every mutation is
 * version-checked like the DynamoDB store. Processed event keys are kept for the life of the store:
 * expiry only saves storage.
 */
public class InMemoryRolloutStore implements RolloutStore {
  private static final Comparator<PageTokens> DUE_ORDER =
      Comparator.comparing(PageTokens::at).thenComparing(PageTokens::id);
  private static final Comparator<PageTokens> NEWEST_FIRST =
      Comparator.comparing(PageTokens::at).reversed().thenComparing(PageTokens::id);

  private final Map<String, Rollout> rollouts = new HashMap<>();
  private final Map<String, List<HistoryEntry>> histories = new HashMap<>();
  private final Set<String> processed = new HashSet<>();
  private final Map<String, UnreadableRollout> unreadable = new HashMap<>();
  private final int dueShards;

  /** A store whose due index is one shard. */
  public InMemoryRolloutStore() {
    this(1);
  }

  /** A store whose due index has {@code dueShards} shards, to test sharded readers. */
  public InMemoryRolloutStore(int dueShards) {
    this.dueShards = DueShards.requireCount(dueShards);
  }

  @Override
  public synchronized Rollout create(Rollout rollout, List<HistoryEntry> history) {
    if (rollouts.containsKey(rollout.id())) {
      throw new RolloutExistsException(rollout.id());
    }
    HistoryEntry.requireAppendable(rollout.id(), 0, history);
    Rollout stored = new Rollout(rollout.plan(), rollout.state(), 1);
    rollouts.put(stored.id(), stored);
    histories.put(stored.id(), new ArrayList<>(history));
    return stored;
  }

  @Override
  public synchronized Optional<Rollout> get(String id) {
    Rollout rollout = rollouts.get(id);
    if (rollout != null && unreadable.containsKey(id)) {
      throw new UnreadableRolloutException(unreadableNow(rollout));
    }
    return Optional.ofNullable(rollout);
  }

  /**
   * For tests: the stored plan of {@code id} no longer reads, as if written by another version; its
   * target still does. A later {@link #update} stores a plan again.
   */
  public void corruptPlan(String id, String problem) {
    corruptPlan(id, problem, true);
  }

  /** For tests: as {@link #corruptPlan(String, String)}, with or without a readable target. */
  public synchronized void corruptPlan(String id, String problem, boolean targetReadable) {
    Rollout rollout = rollouts.get(id);
    Optional<Target> target =
        targetReadable ? Optional.of(rollout.plan().target()) : Optional.empty();
    unreadable.put(
        id, new UnreadableRollout(id, rollout.version(), rollout.state(), target, problem));
  }

  @Override
  public synchronized UnreadableRollout updateState(
      UnreadableRollout rollout, RolloutState next, List<HistoryEntry> history) {
    Rollout current = rollouts.get(rollout.id());
    if (current == null || current.version() != rollout.version()) {
      throw new VersionConflictException(rollout.id(), null);
    }
    append(rollout.id(), history);
    Rollout stored = new Rollout(current.plan(), next, current.version() + 1);
    rollouts.put(stored.id(), stored);
    return unreadable.containsKey(stored.id())
        ? unreadableNow(stored)
        : rollout.withState(next, stored.version());
  }

  @Override
  public synchronized Rollout update(Rollout rollout, List<HistoryEntry> history) {
    Rollout current = rollouts.get(rollout.id());
    if (current == null || current.version() != rollout.version()) {
      throw new VersionConflictException(rollout.id(), current);
    }
    append(rollout.id(), history);
    Rollout stored = new Rollout(rollout.plan(), rollout.state(), rollout.version() + 1);
    rollouts.put(stored.id(), stored);
    unreadable.remove(stored.id());
    return stored;
  }

  private void append(String id, List<HistoryEntry> history) {
    List<HistoryEntry> existing = histories.get(id);
    long lastSeq = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).seq();
    HistoryEntry.requireAppendable(id, lastSeq, history);
    existing.addAll(history);
  }

  private UnreadableRollout unreadableNow(Rollout stored) {
    return unreadable.get(stored.id()).withState(stored.state(), stored.version());
  }

  @Override
  public int dueShards() {
    return dueShards;
  }

  @Override
  public synchronized Page<Rollout> due(int shard, Instant now, String pageToken, int limit) {
    DueShards.requireShard(shard, dueShards);
    Predicate<Rollout> isDue =
        r ->
            r.state().nextEvaluationAt() != null
                && !r.state().nextEvaluationAt().isAfter(now)
                && DueShards.of(r.id(), dueShards) == shard;
    return page(isDue, r -> r.state().nextEvaluationAt(), DUE_ORDER, pageToken, limit);
  }

  @Override
  public synchronized Page<Rollout> list(RolloutStatus status, String pageToken, int limit) {
    Predicate<Rollout> matches = r -> status == null || r.state().status() == status;
    return page(matches, r -> r.state().createdAt(), NEWEST_FIRST, pageToken, limit);
  }

  @Override
  public synchronized List<HistoryEntry> history(String id) {
    return List.copyOf(histories.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized List<String> rolloutsBoundTo(String alarmNameOrArn) {
    return rollouts.values().stream()
        .filter(r -> r.plan().bindsAlarm(alarmNameOrArn))
        .map(Rollout::id)
        .sorted()
        .toList();
  }

  @Override
  public synchronized boolean isProcessed(String eventKey) {
    return processed.contains(eventKey);
  }

  @Override
  public synchronized boolean markProcessed(String eventKey, Instant expiresAt) {
    return processed.add(eventKey);
  }

  private Page<Rollout> page(
      Predicate<Rollout> filter,
      Function<Rollout, Instant> sortTime,
      Comparator<PageTokens> order,
      String pageToken,
      int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    PageTokens after = pageToken == null ? null : PageTokens.decode(pageToken);
    List<Rollout> matching =
        rollouts.values().stream()
            .filter(filter)
            .filter(r -> after == null || order.compare(key(r, sortTime), after) > 0)
            .sorted((a, b) -> order.compare(key(a, sortTime), key(b, sortTime)))
            .toList();
    if (matching.size() <= limit) {
      return split(matching, null);
    }
    List<Rollout> items = matching.subList(0, limit);
    return split(items, key(items.get(limit - 1), sortTime).encode());
  }

  /** Rollouts whose plan reads as items, the others as unreadable, in page order each. */
  private Page<Rollout> split(List<Rollout> page, String nextToken) {
    List<Rollout> readable = new ArrayList<>();
    List<UnreadableRollout> unreadableOnes = new ArrayList<>();
    for (Rollout rollout : page) {
      if (unreadable.containsKey(rollout.id())) {
        unreadableOnes.add(unreadableNow(rollout));
      } else {
        readable.add(rollout);
      }
    }
    return new Page<>(readable, nextToken, unreadableOnes);
  }

  private static PageTokens key(Rollout rollout, Function<Rollout, Instant> sortTime) {
    return new PageTokens(sortTime.apply(rollout), rollout.id());
  }
}

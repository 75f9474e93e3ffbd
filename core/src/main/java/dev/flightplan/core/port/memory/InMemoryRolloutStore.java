package dev.flightplan.core.port.memory;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutExistsException;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
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
    return Optional.ofNullable(rollouts.get(id));
  }

  @Override
  public synchronized Rollout update(Rollout rollout, List<HistoryEntry> history) {
    Rollout current = rollouts.get(rollout.id());
    if (current == null || current.version() != rollout.version()) {
      throw new VersionConflictException(rollout.id(), current);
    }
    List<HistoryEntry> existing = histories.get(rollout.id());
    long lastSeq = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).seq();
    HistoryEntry.requireAppendable(rollout.id(), lastSeq, history);
    Rollout stored = new Rollout(rollout.plan(), rollout.state(), rollout.version() + 1);
    rollouts.put(stored.id(), stored);
    existing.addAll(history);
    return stored;
  }

  @Override
  public synchronized Page<Rollout> due(Instant now, String pageToken, int limit) {
    Predicate<Rollout> isDue =
        r -> r.state().nextEvaluationAt() != null && !r.state().nextEvaluationAt().isAfter(now);
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
      return new Page<>(matching, null);
    }
    List<Rollout> items = matching.subList(0, limit);
    return new Page<>(items, key(items.get(limit - 1), sortTime).encode());
  }

  private static PageTokens key(Rollout rollout, Function<Rollout, Instant> sortTime) {
    return new PageTokens(sortTime.apply(rollout), rollout.id());
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A store that runs other writers just before a conditional update, as if they had slipped in
 * between the caller's read and its write. Writers queued with {@link #beforeNextUpdate} run once
 * each, one per update; writers running inside a hook are not interleaved again.
 */
final class InterleavingStore implements RolloutStore {
  private final RolloutStore delegate;
  private final Deque<Runnable> hooks = new ArrayDeque<>();
  private boolean inHook;
  private int updates;

  InterleavingStore(RolloutStore delegate) {
    this.delegate = delegate;
  }

  void beforeNextUpdate(Runnable writer) {
    hooks.addLast(writer);
  }

  int updates() {
    return updates;
  }

  @Override
  public Rollout update(Rollout rollout, List<HistoryEntry> history) {
    if (!inHook && !hooks.isEmpty()) {
      Runnable hook = hooks.removeFirst();
      inHook = true;
      try {
        hook.run();
      } finally {
        inHook = false;
      }
    }
    updates++;
    return delegate.update(rollout, history);
  }

  @Override
  public Rollout create(Rollout rollout, List<HistoryEntry> history) {
    return delegate.create(rollout, history);
  }

  @Override
  public Optional<Rollout> get(String id) {
    return delegate.get(id);
  }

  @Override
  public Page<Rollout> due(Instant now, String pageToken, int limit) {
    return delegate.due(now, pageToken, limit);
  }

  @Override
  public Page<Rollout> list(RolloutStatus status, String pageToken, int limit) {
    return delegate.list(status, pageToken, limit);
  }

  @Override
  public List<HistoryEntry> history(String id) {
    return delegate.history(id);
  }

  @Override
  public List<String> rolloutsBoundTo(String alarmNameOrArn) {
    return delegate.rolloutsBoundTo(alarmNameOrArn);
  }

  @Override
  public boolean isProcessed(String eventKey) {
    return delegate.isProcessed(eventKey);
  }

  @Override
  public boolean markProcessed(String eventKey, Instant expiresAt) {
    return delegate.markProcessed(eventKey, expiresAt);
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Passes every call to another store; tests override what they want to disturb. */
class DelegatingStore implements RolloutStore {
  private final RolloutStore delegate;

  DelegatingStore(RolloutStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Rollout update(Rollout rollout, List<HistoryEntry> history) {
    return delegate.update(rollout, history);
  }

  @Override
  public UnreadableRollout updateState(
      UnreadableRollout rollout, RolloutState next, List<HistoryEntry> history) {
    return delegate.updateState(rollout, next, history);
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
  public int dueShards() {
    return delegate.dueShards();
  }

  @Override
  public Page<Rollout> due(int shard, Instant now, String pageToken, int limit) {
    return delegate.due(shard, now, pageToken, limit);
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

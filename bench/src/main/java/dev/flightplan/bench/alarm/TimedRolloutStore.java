package dev.flightplan.bench.alarm;

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

/**
 * The real store, marking when the conditional write of a rollback returned: an update carrying
 * history that leaves the rollout {@code ROLLED_BACK}. The follow-up write that records settled
 * work carries no history, so it is not mistaken for it.
 */
final class TimedRolloutStore implements RolloutStore {
  private final RolloutStore store;
  private final DeliveryTimes times;

  TimedRolloutStore(RolloutStore store, DeliveryTimes times) {
    this.store = store;
    this.times = times;
  }

  @Override
  public Rollout update(Rollout rollout, List<HistoryEntry> history) {
    Rollout written = store.update(rollout, history);
    if (!history.isEmpty() && written.state().status() == RolloutStatus.ROLLED_BACK) {
      times.stored(written.id());
    }
    return written;
  }

  @Override
  public Rollout create(Rollout rollout, List<HistoryEntry> history) {
    return store.create(rollout, history);
  }

  @Override
  public Optional<Rollout> get(String id) {
    return store.get(id);
  }

  @Override
  public Optional<Rollout> getForUpdate(String id, long expectedVersion) {
    return store.getForUpdate(id, expectedVersion);
  }

  @Override
  public UnreadableRollout updateState(
      UnreadableRollout rollout, RolloutState next, List<HistoryEntry> history) {
    return store.updateState(rollout, next, history);
  }

  @Override
  public int dueShards() {
    return store.dueShards();
  }

  @Override
  public Page<Rollout> due(int shard, Instant now, String pageToken, int limit) {
    return store.due(shard, now, pageToken, limit);
  }

  @Override
  public Page<Rollout> list(RolloutStatus status, String pageToken, int limit) {
    return store.list(status, pageToken, limit);
  }

  @Override
  public List<HistoryEntry> history(String id) {
    return store.history(id);
  }

  @Override
  public List<String> rolloutsBoundTo(String alarmNameOrArn) {
    return store.rolloutsBoundTo(alarmNameOrArn);
  }

  @Override
  public boolean isProcessed(String eventKey) {
    return store.isProcessed(eventKey);
  }

  @Override
  public boolean markProcessed(String eventKey, Instant expiresAt) {
    return store.markProcessed(eventKey, expiresAt);
  }
}

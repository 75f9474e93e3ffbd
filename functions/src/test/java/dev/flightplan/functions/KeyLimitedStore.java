package dev.flightplan.functions;

import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store with DynamoDB's key limits: an empty key or one over 2,048 bytes fails, as an
 * unexpected error would, so a handler test sees whether the API refused the key before asking.
 */
public final class KeyLimitedStore extends InMemoryRolloutStore {
  static final int MAX_KEY_BYTES = 2_048;

  @Override
  public synchronized Optional<Rollout> get(String id) {
    return super.get(checked(id));
  }

  @Override
  public synchronized List<HistoryEntry> history(String id) {
    return super.history(checked(id));
  }

  @Override
  public synchronized Rollout update(Rollout rollout, List<HistoryEntry> history) {
    checked(rollout.id());
    return super.update(rollout, history);
  }

  private static String checked(String key) {
    if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new IllegalStateException("the store was asked for a key it cannot hold");
    }
    return key;
  }
}

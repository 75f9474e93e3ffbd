package dev.flightplan.core.port.memory;

import dev.flightplan.core.port.ShardDispatcher;
import dev.flightplan.core.port.ShardTick;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was dispatched, in order, for a test (or a local run) to hand to workers itself. */
public class RecordingShardDispatcher implements ShardDispatcher {
  private final List<ShardTick> dispatched = new ArrayList<>();

  @Override
  public synchronized void dispatch(List<ShardTick> shards) {
    dispatched.addAll(shards);
  }

  public synchronized List<ShardTick> dispatched() {
    return List.copyOf(dispatched);
  }

  /** Everything dispatched so far, forgotten here. */
  public synchronized List<ShardTick> drain() {
    List<ShardTick> drained = List.copyOf(dispatched);
    dispatched.clear();
    return drained;
  }
}

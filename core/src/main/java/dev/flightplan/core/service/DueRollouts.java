package dev.flightplan.core.service;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The due rollouts of some shards, every page read: those that read and those that do not. */
record DueRollouts(List<Rollout> readable, List<UnreadableRollout> unreadable) {

  static DueRollouts read(RolloutStore store, List<Integer> shards, Instant now, int pageSize) {
    List<Rollout> readable = new ArrayList<>();
    List<UnreadableRollout> unreadable = new ArrayList<>();
    for (int shard : shards) {
      String token = null;
      do {
        Page<Rollout> page = store.due(shard, now, token, pageSize);
        readable.addAll(page.items());
        unreadable.addAll(page.unreadable());
        token = page.nextToken();
      } while (token != null);
    }
    return new DueRollouts(readable, unreadable);
  }
}

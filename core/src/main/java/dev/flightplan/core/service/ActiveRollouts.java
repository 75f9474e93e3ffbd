package dev.flightplan.core.service;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every active rollout whose plan reads, by status, every page read. */
final class ActiveRollouts {
  private ActiveRollouts() {}

  static List<Rollout> read(RolloutStore store, int pageSize) {
    List<Rollout> active = new ArrayList<>();
    for (RolloutStatus status :
        Arrays.stream(RolloutStatus.values()).filter(RolloutStatus::isActive).toList()) {
      String token = null;
      do {
        Page<Rollout> page = store.list(status, token, pageSize);
        active.addAll(page.items());
        token = page.nextToken();
      } while (token != null);
    }
    return active;
  }
}

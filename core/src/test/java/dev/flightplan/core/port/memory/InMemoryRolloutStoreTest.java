package dev.flightplan.core.port.memory;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.RolloutStoreContract;

class InMemoryRolloutStoreTest extends RolloutStoreContract {
  @Override
  protected RolloutStore newStore(int dueShards) {
    return new InMemoryRolloutStore(dueShards);
  }

  @Override
  protected void corruptPlan(RolloutStore store, String id) {
    ((InMemoryRolloutStore) store).corruptPlan(id, "phases[0].bake: not a duration");
  }
}

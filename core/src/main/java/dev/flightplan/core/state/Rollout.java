package dev.flightplan.core.state;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.evaluation.Exposure;

/**
 * A stored rollout: its plan, its state, and the version the store uses for optimistic locking
 * (every write is conditional on it).
 */
public record Rollout(Plan plan, RolloutState state, long version) implements StoredRollout {

  @Override
  public String id() {
    return plan.id();
  }

  /** The exposure the target should have in this state. */
  public Exposure desiredExposure() {
    return plan.exposureAt(state.desiredPhase());
  }
}

package dev.flightplan.core.simulate;

import dev.flightplan.core.state.RolloutStatus;

/** Where a simulated rollout ended up when the trace ran out. */
public enum SimulationOutcome {
  COMPLETED,
  ROLLED_BACK,
  PAUSED,
  ABORTED,
  /** Still under way: running, or waiting for an approval. */
  RUNNING;

  static SimulationOutcome of(RolloutStatus status) {
    return switch (status) {
      case COMPLETED -> COMPLETED;
      case ROLLED_BACK -> ROLLED_BACK;
      case PAUSED -> PAUSED;
      case ABORTED -> ABORTED;
      case DRAFT, RUNNING, AWAITING_APPROVAL -> RUNNING;
    };
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.state.RolloutState;
import java.time.Clock;

/** Keeps {@code nextEvaluationAt} right when only pending work changed. */
final class Housekeeping {
  private Housekeeping() {}

  /**
   * An active rollout keeps its schedule; a finished one is due while work is pending and never
   * after.
   */
  static RolloutState reschedule(RolloutState state, Clock clock) {
    if (state.status().isActive()) {
      return state;
    }
    return state.toBuilder()
        .nextEvaluationAt(ChangeRecorder.nextEvaluation(state, clock.instant()))
        .build();
  }
}

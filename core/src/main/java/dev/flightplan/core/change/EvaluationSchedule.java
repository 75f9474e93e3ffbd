package dev.flightplan.core.change;

import dev.flightplan.core.progress.ControllerTicks;
import dev.flightplan.core.state.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When the controller should look at a rollout again ({@code nextEvaluationAt}). */
public final class EvaluationSchedule {
  /** How often an active rollout is looked at: the tick's rate. */
  static final Duration INTERVAL = ControllerTicks.INTERVAL;

  private EvaluationSchedule() {}

  /**
   * The next tick while active; the next tick while a finished rollout still has work pending;
   * never otherwise.
   */
  static Instant next(RolloutState state, Instant now) {
    if (state.status().isActive()) {
      return now.truncatedTo(ChronoUnit.MINUTES).plus(INTERVAL);
    }
    if (state.hasPendingWork()) {
      return state.nextEvaluationAt() != null && state.nextEvaluationAt().isBefore(now)
          ? state.nextEvaluationAt()
          : now;
    }
    return null;
  }

  /**
   * For a change of pending work only: an active rollout keeps its schedule; a finished one is due
   * while work is pending and never after.
   */
  public static RolloutState reschedule(RolloutState state, Instant now) {
    if (state.status().isActive()) {
      return state;
    }
    return state.toBuilder().nextEvaluationAt(next(state, now)).build();
  }
}

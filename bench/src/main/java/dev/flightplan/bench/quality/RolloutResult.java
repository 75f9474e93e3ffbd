package dev.flightplan.bench.quality;

import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.SimulationOutcome;
import dev.flightplan.core.simulate.TimelineEntry;
import java.time.Duration;
import java.time.Instant;

/**
 * How one simulated rollout went, in minutes since it started; -1 for what did not happen.
 *
 * @param onsetMinute the first regressed minute, -1 for a healthy rollout
 * @param rollbackMinute the tick that rolled it back
 * @param rollbackGate the gate behind the rollback, or null
 * @param pauseMinute the first tick that paused it
 * @param simulatedMinutes the ticks the simulation ran
 */
public record RolloutResult(
    SimulationOutcome outcome,
    int onsetMinute,
    int rollbackMinute,
    String rollbackGate,
    int pauseMinute,
    int simulatedMinutes) {
  public static final int NEVER = -1;

  public static RolloutResult of(Simulation run, Instant start, int onsetMinute) {
    TimelineEntry rollback = first(run, "ROLLBACK");
    TimelineEntry pause = first(run, "PAUSE");
    return new RolloutResult(
        run.summary().outcome(),
        onsetMinute,
        minute(rollback, start),
        rollback == null ? null : rollback.gate(),
        minute(pause, start),
        (int) Duration.between(start, run.summary().until()).toMinutes());
  }

  public boolean rolledBack() {
    return rollbackMinute != NEVER;
  }

  public boolean paused() {
    return pauseMinute != NEVER;
  }

  public boolean completed() {
    return outcome == SimulationOutcome.COMPLETED;
  }

  /**
   * Rolled back on evidence of the regression: at a tick after the onset, when the first regressed
   * minute had been read. (A rollback at or before the onset saw healthy minutes only.)
   */
  public boolean detected() {
    return onsetMinute != NEVER && rollbackMinute > onsetMinute;
  }

  /** Minutes from the onset to the rollback, for a detected regression. */
  public int minutesToRollback() {
    if (!detected()) {
      throw new IllegalStateException("no rollback after a regression");
    }
    return rollbackMinute - onsetMinute;
  }

  private static TimelineEntry first(Simulation run, String decision) {
    return run.timeline().stream()
        .filter(entry -> entry.decision().equals(decision))
        .findFirst()
        .orElse(null);
  }

  private static int minute(TimelineEntry entry, Instant start) {
    return entry == null ? NEVER : (int) Duration.between(start, entry.time()).toMinutes();
  }
}

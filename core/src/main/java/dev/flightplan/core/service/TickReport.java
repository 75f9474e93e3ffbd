package dev.flightplan.core.service;

import java.time.Duration;
import java.time.Instant;

/**
 * What one tick did. {@code evaluated} counts active rollouts decided on; each of them is counted
 * once more under what the decision did ({@code held} when it changed nothing of substance). {@code
 * failed} counts rollouts the tick could not handle; the others went on regardless. {@code
 * quarantined} counts due rollouts whose stored plan could not be read: skipped by the decision,
 * reported, their pending work done without the plan.
 *
 * @param duplicate true when this minute was handled already and nothing was done
 */
public record TickReport(
    Instant minute,
    boolean duplicate,
    int evaluated,
    int advanced,
    int paused,
    int awaitingApproval,
    int rolledBack,
    int completed,
    int held,
    int failed,
    int quarantined,
    Duration duration) {

  static TickReport duplicate(Instant minute) {
    return new TickReport(minute, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
  }
}

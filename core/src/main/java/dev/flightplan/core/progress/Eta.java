package dev.flightplan.core.progress;

import dev.flightplan.core.decide.Wording;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.RolloutState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * When a rollout will get where it is going, as the controller would take it there (docs/design.md
 * §3.4).
 *
 * @param nextStep what happens next, in words: {@code advance to standard-25 (25%)}, {@code
 *     complete}, {@code ask for approval of beta}, {@code resume, then …}
 * @param nextStepAt when; null when it waits for a person, or for a window that never opens again
 * @param completesAt the earliest completion; null when it cannot be known
 * @param waitsFor what it waits for besides bake time: a person, the window, approvals to come
 * @param assumes what the times take for granted
 */
public record Eta(
    String nextStep,
    Instant nextStepAt,
    Instant completesAt,
    List<String> waitsFor,
    String assumes) {

  public Eta {
    waitsFor = List.copyOf(waitsFor);
  }

  /**
   * The ETA of a rollout in {@code state} at {@code now}; empty once it has ended (completed,
   * rolled back or aborted).
   */
  public static Optional<Eta> of(Plan plan, RolloutState state, Instant now) {
    return Forecast.of(plan, state, now);
  }

  /**
   * One line for people, times on the clock of {@code zone}: {@code ETA: Tue 2025-03-04 09:00 UTC
   * (next: advance to half (50%) at Mon 2025-03-03 09:10 UTC)}.
   */
  public String line(ZoneId zone) {
    // A plan without a window runs on ZoneOffset.UTC, whose id reads "Z".
    ZoneId shown = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
    String eta = completesAt == null ? "unknown" : Wording.at(completesAt, shown);
    String next;
    if (nextStepAt != null) {
      next = nextStep + " at " + Wording.at(nextStepAt, shown);
    } else {
      next = waitsFor.isEmpty() ? nextStep : nextStep + ", waits for " + waitsFor.get(0);
    }
    return "ETA: " + eta + " (next: " + next + ")";
  }
}

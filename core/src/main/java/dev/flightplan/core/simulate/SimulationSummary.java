package dev.flightplan.core.simulate;

import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;

/**
 * How a simulation ended.
 *
 * @param outcomeTime when the rollout reached its outcome; for {@code RUNNING}, when the trace ran
 *     out
 * @param status the rollout's status at the end (tells a wait for approval from running)
 * @param phase the phase it was in at the end, or null
 * @param reason why, in the words of the decision (or of the rules, for a rollout still running)
 * @param from the simulation's start
 * @param until the last moment simulated
 */
public record SimulationSummary(
    SimulationOutcome outcome,
    Instant outcomeTime,
    RolloutStatus status,
    String phase,
    double percent,
    String reason,
    Instant from,
    Instant until) {}

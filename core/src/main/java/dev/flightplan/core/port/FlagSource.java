package dev.flightplan.core.port;

import dev.flightplan.evaluation.FlagExposure;
import java.util.Optional;

/**
 * Where flag evaluation learns a flag's current exposure (docs/design.md §6): the {@code flags}
 * table the flag actuator writes in AWS, the rollouts themselves in memory.
 */
public interface FlagSource {

  /** The flag's exposure now, or empty when no rollout targets {@code flagKey}. */
  Optional<FlagExposure> find(String flagKey);
}

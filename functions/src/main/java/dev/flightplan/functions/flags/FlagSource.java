package dev.flightplan.functions.flags;

import java.util.Optional;

/**
 * Where the evaluation endpoint learns a flag's current exposure (docs/design.md §6): the {@code
 * flags} table in AWS ({@link ExposureFlagSource}), the rollouts themselves in memory ({@link
 * StoreFlagSource}).
 */
public interface FlagSource {

  /** The flag's exposure now, or empty when no rollout targets {@code flagKey}. */
  Optional<FlagState> find(String flagKey);
}

package dev.flightplan.functions.flags;

import java.util.Optional;

/**
 * Where the evaluation endpoint learns a flag's current exposure (DESIGN §6). Today it is read from
 * the rollouts ({@link StoreFlagSource}); the DynamoDB flag-exposure reader takes its place when
 * the AWS wiring lands.
 */
public interface FlagSource {

  /** The flag's exposure now, or empty when no rollout targets {@code flagKey}. */
  Optional<FlagState> find(String flagKey);
}

package dev.flightplan.client;

import java.time.Instant;
import java.util.Set;

/**
 * What the flag item says beside its exposure.
 *
 * @param rolloutId the rollout that set the exposure; null when the flag is unknown
 * @param basisPoints the share of units exposed by percentage, 0..10000
 * @param exposedAudiences the audiences the current ring exposes
 * @param updatedAt when the controller wrote this exposure; null when unknown
 */
public record FlagMetadata(
    String rolloutId, int basisPoints, Set<String> exposedAudiences, Instant updatedAt) {
  /** The metadata of a flag the client does not know. */
  public static final FlagMetadata NONE = new FlagMetadata(null, 0, Set.of(), null);

  public FlagMetadata {
    exposedAudiences = Set.copyOf(exposedAudiences);
  }
}

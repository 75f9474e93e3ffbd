package dev.flightplan.core.state;

/**
 * What the store holds under a rollout id: a {@link Rollout} whose plan reads, or an {@link
 * UnreadableRollout} whose state reads but whose plan does not.
 */
public sealed interface StoredRollout permits Rollout, UnreadableRollout {
  String id();

  long version();

  RolloutState state();
}

package dev.flightplan.core.state;

import dev.flightplan.core.plan.Target;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored rollout whose plan cannot be read (written by another version, or before a bound on the
 * plan existed), while its state can: the controller skips it, and only a rollback or an abort is
 * possible, since a way back must never depend on the plan (docs/design.md §4).
 *
 * @param target the plan's target, read on its own; empty when even that fails
 * @param problem why the plan cannot be read, for people
 */
public record UnreadableRollout(
    String id, long version, RolloutState state, Optional<Target> target, String problem)
    implements StoredRollout {

  public UnreadableRollout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(problem, "problem");
  }

  public UnreadableRollout withState(RolloutState next, long nextVersion) {
    return new UnreadableRollout(id, nextVersion, next, target, problem);
  }
}

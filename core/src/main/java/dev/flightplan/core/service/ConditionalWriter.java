package dev.flightplan.core.service;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Rollout;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read, decide, write with a condition on the version; on conflict decide again on the rollout as
 * the store returned it (docs/design.md §4.2). The decision function may throw to refuse.
 */
final class ConditionalWriter {
  /** Generous: a rollback must win every race, and real contention is a few writers at most. */
  static final int MAX_ATTEMPTS = 50;

  private final RolloutStore store;

  ConditionalWriter(RolloutStore store) {
    this.store = store;
  }

  /** What was written (if anything) and the rollout as last seen in the store. */
  record Outcome(Rollout rollout, Optional<Change> change) {}

  Outcome write(Rollout read, Function<Rollout, Optional<Change>> decide) {
    Rollout current = read;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Change> change = decide.apply(current);
      if (change.isEmpty()) {
        return new Outcome(current, change);
      }
      try {
        return new Outcome(store.update(change.get().rollout(), change.get().history()), change);
      } catch (VersionConflictException e) {
        if (e.current() == null) {
          throw new RolloutNotFoundException(read.id());
        }
        current = e.current();
      }
    }
    throw new IllegalStateException(
        read.id() + ": change not stored after " + MAX_ATTEMPTS + " conflicting writes");
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.change.Change;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Rollout;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read, decide, write with a condition on the version; on conflict decide again on the rollout as
 * the store returned it (docs/design.md §4.2). The decision function may throw to refuse. The write
 * also claims the outbox for this writer, so that sending what the change announces costs no write
 * of its own (§4.3).
 */
final class ConditionalWriter {
  /** Generous: a rollback must win every race, and real contention is a few writers at most. */
  static final int MAX_ATTEMPTS = 50;

  private final RolloutStore store;
  private final Clock clock;

  ConditionalWriter(RolloutStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * What was written (if anything), the rollout as last seen in the store, and the owner of the
   * outbox lease the write claimed (null when nothing was written).
   */
  record Outcome(Rollout rollout, Optional<Change> change, String leaseOwner) {}

  Outcome write(Rollout read, Function<Rollout, Optional<Change>> decide) {
    Rollout current = read;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Change> change = decide.apply(current);
      if (change.isEmpty()) {
        return new Outcome(current, change, null);
      }
      try {
        return writeOnce(change.get());
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

  /** One conditional write of {@code change}, claiming the outbox; conflicts are the caller's. */
  Outcome writeOnce(Change change) {
    String owner = PendingWork.newOwner();
    Rollout rollout = change.rollout();
    Rollout claimed =
        PendingWork.with(rollout, Outbox.claimed(rollout.state(), owner, clock.instant()));
    return new Outcome(store.update(claimed, change.history()), Optional.of(change), owner);
  }
}

package dev.flightplan.core.state;

import java.time.Instant;

/**
 * A claim on a rollout's outbox while one writer sends it, so two writers never send the same
 * notification. It expires on its own, so a writer that died never blocks the outbox for long.
 */
public record Lease(String owner, Instant until) {

  public boolean heldBy(String someone) {
    return owner.equals(someone);
  }

  public boolean isValidAt(Instant now) {
    return now.isBefore(until);
  }
}

package dev.flightplan.core.port;

import dev.flightplan.core.state.Rollout;

/**
 * A conditional write lost a race. Carries the rollout as stored now (null if it was deleted), so
 * the caller decides again without another read.
 */
public final class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Rollout current;

  public VersionConflictException(String id, Rollout current) {
    super("rollout " + id + " changed concurrently");
    this.current = current;
  }

  public Rollout current() {
    return current;
  }
}

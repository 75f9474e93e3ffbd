package dev.flightplan.core.port;

/** A rollout with this id exists already. */
public final class RolloutExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RolloutExistsException(String id) {
    super("rollout " + id + " already exists");
  }
}

package dev.flightplan.core.service;

/** No rollout has this id (404). */
public final class RolloutNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String rolloutId;

  public RolloutNotFoundException(String rolloutId) {
    super("no rollout " + rolloutId);
    this.rolloutId = rolloutId;
  }

  public String rolloutId() {
    return rolloutId;
  }
}

package dev.flightplan.core.change;

/** A command that is not allowed in the rollout's current state; the message says why (409). */
public final class CommandRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandRefusedException(String reason) {
    super(reason);
  }

  public String reason() {
    return getMessage();
  }
}

package dev.flightplan.core.port;

/** Exposure could not be applied or verified. */
public final class ActuationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ActuationException(String message, Throwable cause) {
    super(message, cause);
  }
}

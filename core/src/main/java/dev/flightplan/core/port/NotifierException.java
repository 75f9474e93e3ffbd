package dev.flightplan.core.port;

/** A notification could not be delivered; it stays in the outbox and is retried. */
public final class NotifierException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotifierException(String message, Throwable cause) {
    super(message, cause);
  }
}

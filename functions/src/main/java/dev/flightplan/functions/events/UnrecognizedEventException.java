package dev.flightplan.functions.events;

/**
 * A payload the handler does not know how to read. The handler logs it and fails the invocation, so
 * an asynchronous event ends up in the dead-letter queue rather than vanishing as a success.
 */
public final class UnrecognizedEventException extends IllegalArgumentException {
  public UnrecognizedEventException(String message) {
    super(message);
  }
}

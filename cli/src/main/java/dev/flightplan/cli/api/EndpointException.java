package dev.flightplan.cli.api;

/** The API could not be reached, or no endpoint is set; the message says how to set one. */
public final class EndpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String HOW_TO_SET =
      "set it with --endpoint URL or the FLIGHTPLAN_ENDPOINT environment variable"
          + " (the API's invoke URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod,"
          + " or http://127.0.0.1:PORT for local mode)";

  public EndpointException(String message, Throwable cause) {
    super(message, cause);
  }

  public static EndpointException missing() {
    return new EndpointException("no API endpoint is set; " + HOW_TO_SET, null);
  }

  static EndpointException unreachable(String endpoint, Exception cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new EndpointException(
        "could not reach the Flightplan API at " + endpoint + " (" + why + "); " + HOW_TO_SET,
        cause);
  }
}

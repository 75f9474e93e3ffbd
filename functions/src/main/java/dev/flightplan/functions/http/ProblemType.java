package dev.flightplan.functions.http;

/**
 * The kinds of {@code application/problem+json} answers the API gives. The {@code type} member is a
 * URN rather than a web address: it names the kind of problem and is not meant to be fetched.
 */
public enum ProblemType {
  INVALID_REQUEST(400, "Invalid request"),
  INVALID_PLAN(400, "Invalid plan"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  ROLLOUT_EXISTS(409, "Rollout exists"),
  COMMAND_REFUSED(409, "Not allowed now"),
  CONCURRENT_CHANGE(409, "Changed concurrently"),
  STALE_VERSION(412, "Stale version"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  VERSION_REQUIRED(428, "If-Match required"),
  INTERNAL(500, "Internal error");

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** e.g. {@code urn:flightplan:problem:invalid-plan}. */
  public String uri() {
    return "urn:flightplan:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

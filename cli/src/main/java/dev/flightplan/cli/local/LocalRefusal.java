package dev.flightplan.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.functions.http.ProblemType;
import java.nio.charset.StandardCharsets;

/**
 * A request the local server answers itself, before the API handler sees it: a foreign caller, a
 * body over the limit, a query that is not text. The answer is {@code application/problem+json} of
 * the API's own shape.
 */
public record LocalRefusal(int status, String type, String title, String detail) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static LocalRefusal forbidden(String detail) {
    return new LocalRefusal(403, "urn:flightplan:problem:forbidden", "Forbidden", detail);
  }

  public static LocalRefusal badRequest(String detail) {
    return of(ProblemType.INVALID_REQUEST, detail);
  }

  public static LocalRefusal methodNotAllowed(String detail) {
    return of(ProblemType.METHOD_NOT_ALLOWED, detail);
  }

  public static LocalRefusal tooLarge(String detail) {
    return of(ProblemType.PAYLOAD_TOO_LARGE, detail);
  }

  private static LocalRefusal of(ProblemType type, String detail) {
    return new LocalRefusal(type.status(), type.uri(), type.title(), detail);
  }

  public byte[] body() {
    ObjectNode body =
        JSON.createObjectNode()
            .put("type", type)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}

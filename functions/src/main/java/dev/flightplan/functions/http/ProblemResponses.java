package dev.flightplan.functions.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.plan.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Problem answers in {@code application/problem+json} (RFC 9457). */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static HttpProblem of(ProblemType type, String detail) {
    return new HttpProblem(type, detail);
  }

  public static HttpProblem badRequest(String detail) {
    return of(ProblemType.INVALID_REQUEST, detail);
  }

  /** 400 for one request field: the detail and {@code errors[0]} name it. */
  public static HttpProblem invalidField(String field, String message, String hint) {
    return new HttpProblem(
        ProblemType.INVALID_REQUEST,
        field + " " + message + "; " + hint,
        List.of(new FieldError(field, message, hint)),
        Map.of());
  }

  public static HttpProblem notFound(String detail) {
    return of(ProblemType.NOT_FOUND, detail);
  }

  /**
   * The answer to an unexpected failure: the request id and nothing of the failure itself, which is
   * logged under that id.
   */
  public static ApiResponse internal(String requestId) {
    ObjectNode body =
        body(
            ProblemType.INTERNAL,
            "something went wrong on our side; quote request id "
                + requestId
                + " when reporting it");
    body.put("requestId", requestId);
    return new ApiResponse(500, headers(Map.of()), Json.write(body));
  }

  public static ApiResponse response(HttpProblem problem) {
    ObjectNode body = body(problem.type(), problem.detail());
    if (!problem.errors().isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (FieldError error : problem.errors()) {
        ObjectNode node = errors.addObject().put("path", error.path());
        node.put("message", error.message());
        if (error.hint() != null && !error.hint().isEmpty()) {
          node.put("hint", error.hint());
        }
      }
    }
    return new ApiResponse(problem.type().status(), headers(problem.headers()), Json.write(body));
  }

  private static ObjectNode body(ProblemType type, String detail) {
    return Json.object()
        .put("type", type.uri())
        .put("title", type.title())
        .put("status", type.status())
        .put("detail", detail);
  }

  private static Map<String, String> headers(Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("Content-Type", ApiResponse.PROBLEM_JSON);
    return headers;
  }
}

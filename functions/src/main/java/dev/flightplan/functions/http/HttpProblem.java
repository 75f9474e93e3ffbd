package dev.flightplan.functions.http;

import dev.flightplan.core.plan.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A request the API answers with a problem rather than a result. Thrown by the parsing code and the
 * endpoints, and turned into {@code application/problem+json} by {@link ProblemResponses#response}.
 *
 * @param headers extra response headers, e.g. {@code Allow} for 405 or the current {@code ETag} for
 *     412
 */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ProblemType type;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;

  public HttpProblem(ProblemType type, String detail) {
    this(type, detail, List.of(), Map.of());
  }

  public HttpProblem(
      ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
    // No stack trace: a problem is an answer, not a failure of the code.
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}

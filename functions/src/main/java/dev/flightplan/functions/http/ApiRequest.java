package dev.flightplan.functions.http;

import java.util.Map;

/**
 * One HTTP request as the endpoints see it, whatever carried it (API Gateway or the local server).
 *
 * @param headers looked up without regard to case
 * @param basePath what precedes the API's own paths in the caller's URL (the stage, e.g. {@code
 *     /prod}), so {@code Location} headers work from where the caller stands; empty when none
 * @param actor who is asking, recorded in the history
 * @param requestId quoted in logs and in 500 answers
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> headers,
    Map<String, String> query,
    Map<String, String> pathParams,
    String rawBody,
    boolean base64,
    String basePath,
    String actor,
    String requestId) {

  public ApiRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
  }

  public ApiRequest withPathParams(Map<String, String> params) {
    return new ApiRequest(
        method, path, headers, query, params, rawBody, base64, basePath, actor, requestId);
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String query(String name) {
    return query.get(name);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public boolean hasBody() {
    return rawBody != null && !rawBody.isBlank();
  }

  /**
   * The body as text; a base64 body is decoded. Empty when none.
   *
   * @throws HttpProblem 415 when {@code Content-Type} declares a charset other than UTF-8, 400 when
   *     the body is not UTF-8
   */
  public String body() {
    if (rawBody == null) {
      return "";
    }
    return BodyText.decode(rawBody, base64, header("Content-Type"));
  }

  /** The size of the body in bytes as sent, without decoding it. */
  public long bodySize() {
    return rawBody == null ? 0 : BodySize.of(rawBody, base64);
  }
}

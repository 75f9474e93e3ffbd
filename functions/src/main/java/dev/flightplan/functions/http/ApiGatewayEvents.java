package dev.flightplan.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Translates API Gateway REST API proxy events (payload format 1.0) to {@link ApiRequest} and
 * {@link ApiResponse} back to the proxy response.
 *
 * <p>The actor is the caller's IAM ARN ({@code requestContext.identity.userArn}, set under {@code
 * AWS_IAM} auth). Without it: {@code identity.caller} (the principal id), then {@code
 * identity.user}, then {@code anonymous} (e.g. local mode without credentials).
 */
public final class ApiGatewayEvents {
  public static final String ANONYMOUS = "anonymous";

  private ApiGatewayEvents() {}

  public static ApiRequest request(APIGatewayProxyRequestEvent event, String requestId) {
    ProxyRequestContext context = event.getRequestContext();
    String path = event.getPath() == null ? "/" : event.getPath();
    return new ApiRequest(
        event.getHttpMethod() == null ? "" : event.getHttpMethod(),
        path,
        headers(event),
        query(event),
        Map.of(),
        event.getBody(),
        Boolean.TRUE.equals(event.getIsBase64Encoded()),
        basePath(context, path),
        actor(context),
        requestId);
  }

  /** The id API Gateway gave the request; the Lambda request id when there is none. */
  public static String requestId(APIGatewayProxyRequestEvent event, Context lambda) {
    ProxyRequestContext context = event == null ? null : event.getRequestContext();
    if (context != null && notBlank(context.getRequestId())) {
      return context.getRequestId();
    }
    if (lambda != null && notBlank(lambda.getAwsRequestId())) {
      return lambda.getAwsRequestId();
    }
    return UUID.randomUUID().toString();
  }

  public static APIGatewayProxyResponseEvent response(ApiResponse response) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .withIsBase64Encoded(false);
  }

  static String actor(ProxyRequestContext context) {
    RequestIdentity identity = context == null ? null : context.getIdentity();
    if (identity == null) {
      return ANONYMOUS;
    }
    for (String candidate :
        new String[] {identity.getUserArn(), identity.getCaller(), identity.getUser()}) {
      if (notBlank(candidate)) {
        return candidate;
      }
    }
    return ANONYMOUS;
  }

  /**
   * {@code /prod} when the caller asked for {@code /prod/rollouts} and the API saw {@code
   * /rollouts}.
   */
  private static String basePath(ProxyRequestContext context, String path) {
    String full = context == null ? null : context.getPath();
    if (full == null || !full.endsWith(path) || full.equals(path)) {
      return "";
    }
    return full.substring(0, full.length() - path.length());
  }

  private static Map<String, String> headers(APIGatewayProxyRequestEvent event) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, List<String>> multi = event.getMultiValueHeaders();
    if (multi != null) {
      multi.forEach(
          (name, values) -> {
            if (values != null && !values.isEmpty()) {
              headers.put(name, String.join(", ", values));
            }
          });
    }
    if (event.getHeaders() != null) {
      headers.putAll(event.getHeaders());
    }
    return Collections.unmodifiableMap(headers);
  }

  private static Map<String, String> query(APIGatewayProxyRequestEvent event) {
    Map<String, String> query = new TreeMap<>();
    Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
    if (multi != null) {
      // API Gateway keeps the last value of a repeated parameter; so do we.
      multi.forEach(
          (name, values) -> {
            if (values != null && !values.isEmpty()) {
              query.put(name, values.get(values.size() - 1));
            }
          });
    }
    if (event.getQueryStringParameters() != null) {
      query.putAll(event.getQueryStringParameters());
    }
    return query;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}

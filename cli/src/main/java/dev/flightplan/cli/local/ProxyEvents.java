package dev.flightplan.cli.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.sun.net.httpserver.HttpExchange;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP exchange into an API Gateway REST proxy event (payload format 1.0), changing
 * nothing the handler checks: the path stays percent-encoded as sent (the handler decodes it once),
 * and a body travels as text only when it is UTF-8 and said to be, else base64 with {@code
 * isBase64Encoded}, so invalid bytes and declared charsets reach the handler as they came.
 */
final class ProxyEvents {
  private final String actor;

  ProxyEvents(String actor) {
    this.actor = actor;
  }

  /**
   * @param body the request body as received, empty when none
   * @throws IllegalArgumentException when the query string is not percent-encoded UTF-8
   */
  APIGatewayProxyRequestEvent request(HttpExchange exchange, byte[] body) {
    String path = RequestText.rawPath(exchange.getRequestURI().getRawPath());
    APIGatewayProxyRequestEvent event =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod(exchange.getRequestMethod())
            .withPath(path)
            .withMultiValueHeaders(headers(exchange))
            .withMultiValueQueryStringParameters(
                RequestText.query(exchange.getRequestURI().getRawQuery()))
            .withRequestContext(context(exchange, path));
    if (body.length > 0) {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      boolean text = isText(contentType) && RequestText.isUtf8(body);
      event.setBody(text ? RequestText.utf8(body) : Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(!text);
    }
    return event;
  }

  private ProxyRequestContext context(HttpExchange exchange, String path) {
    ProxyRequestContext context = new ProxyRequestContext();
    context.setRequestId(UUID.randomUUID().toString());
    context.setHttpMethod(exchange.getRequestMethod());
    context.setPath(path);
    context.setStage("local");
    RequestIdentity identity = new RequestIdentity();
    identity.setUserArn(actor);
    identity.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
    context.setIdentity(identity);
    return context;
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return headers;
  }

  /**
   * Bodies API Gateway passes as text, when they declare no charset or UTF-8; anything else travels
   * base64-encoded, as there, for the handler to judge.
   */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    String charset = RequestText.charset(type);
    boolean textual =
        type.startsWith("text/")
            || type.contains("json")
            || type.contains("yaml")
            || type.contains("x-www-form-urlencoded");
    return textual && (charset == null || charset.equals("utf-8") || charset.equals("utf8"));
  }
}

package dev.flightplan.cli.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns an HTTP exchange into an API Gateway REST proxy event (payload format 1.0). */
final class ProxyEvents {
  private final String actor;

  ProxyEvents(String actor) {
    this.actor = actor;
  }

  APIGatewayProxyRequestEvent request(HttpExchange exchange) throws IOException {
    // API Gateway hands the handler the decoded path; the handler's router matches on it.
    String path = exchange.getRequestURI().getPath();
    APIGatewayProxyRequestEvent event =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod(exchange.getRequestMethod())
            .withPath(path)
            .withMultiValueHeaders(headers(exchange))
            .withMultiValueQueryStringParameters(query(exchange.getRequestURI().getRawQuery()))
            .withRequestContext(context(exchange, path));
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (body.length > 0) {
      boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
      event.setBody(
          text
              ? new String(body, StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(body));
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

  static Map<String, List<String>> query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String value = kv.length > 1 ? decode(kv[1]) : "";
      query.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Bodies API Gateway passes as text; anything else travels base64-encoded, as there. */
  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("yaml")
        || type.contains("x-www-form-urlencoded");
  }
}

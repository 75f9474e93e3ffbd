package dev.flightplan.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.flightplan.cli.local.LocalRefusal;
import java.io.IOException;
import java.io.OutputStream;

/** The dashboard server's answers: problems of the API's shape, and headers every answer has. */
final class Answers {
  private Answers() {}

  static LocalRefusal notFound(String detail) {
    return new LocalRefusal(404, "urn:flightplan:problem:not-found", "Not found", detail);
  }

  static LocalRefusal badGateway(String detail) {
    return new LocalRefusal(502, "urn:flightplan:problem:bad-gateway", "Bad gateway", detail);
  }

  static void refuse(HttpExchange exchange, LocalRefusal refusal) throws IOException {
    send(exchange, refusal.status(), "application/problem+json", refusal.body());
  }

  /** Answers with headers that keep the page from being framed, sniffed or loading elsewhere. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
    boolean bodyless = exchange.getRequestMethod().equals("HEAD") || body.length == 0;
    exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!bodyless) {
        out.write(body);
      }
    }
  }
}

package dev.flightplan.cli.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Flightplan API on 127.0.0.1: records every request it receives and answers
 * {@code {"items":[]}}, or 409 with a problem for {@code POST}.
 */
final class StubApi implements AutoCloseable {
  /** One request as the API received it. */
  record Received(String method, String target, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  StubApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            boolean post = exchange.getRequestMethod().equals("POST");
            byte[] answer =
                (post ? "{\"title\":\"Not allowed now\",\"status\":409}" : "{\"items\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .set("Content-Type", post ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(post ? 409 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(answer);
            }
          }
        });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

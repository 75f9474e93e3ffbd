package dev.flightplan.cli.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.functions.ApiHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plans API on 127.0.0.1: each HTTP request becomes the API Gateway proxy event the deployed
 * API would send, and the same {@link ApiHandler} answers it. Callers are recorded as {@code
 * local:<user name>}.
 */
public final class LocalApiServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private LocalApiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving {@code handler} on 127.0.0.1; port 0 picks a free one. */
  public static LocalApiServer start(ApiHandler handler, int port) {
    return start(
        handler, port, "local:" + System.getProperty("user.name", "anonymous"), Clock.systemUTC());
  }

  /**
   * @param actor who the callers are, as recorded in the history
   * @param clock the handler's clock; answers carry its time in {@code Date}, so clients count bake
   *     time on the server's clock (simulated time in local mode)
   */
  public static LocalApiServer start(ApiHandler handler, int port, String actor, Clock clock) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      HttpServer server = HttpServer.create(address, 0);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      ProxyEvents events = new ProxyEvents(actor);
      server.createContext("/", exchange -> serve(handler, events, clock, exchange));
      server.setExecutor(executor);
      server.start();
      return new LocalApiServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:49152}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void serve(
      ApiHandler handler, ProxyEvents events, Clock clock, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      APIGatewayProxyResponseEvent response = handler.handleRequest(events.request(exchange), null);
      if (response.getHeaders() != null) {
        response.getHeaders().forEach(exchange.getResponseHeaders()::add);
      }
      // The JDK server writes Date from the real clock itself, so the handler's time travels here.
      exchange.getResponseHeaders().set(ApiResult.CLOCK_HEADER, clock.instant().toString());
      byte[] body =
          response.getBody() == null
              ? new byte[0]
              : response.getBody().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

package dev.flightplan.cli.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.cli.api.RequestSigner;
import dev.flightplan.cli.dashboard.DashboardHandler;
import dev.flightplan.functions.ApiHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plans API on 127.0.0.1: each HTTP request becomes the API Gateway proxy event the deployed
 * API would send, and the same {@link ApiHandler} answers it. Callers are recorded as {@code
 * local:<user name>}. Before the handler sees a request, the server refuses what API Gateway and
 * IAM would keep out: requests from web pages ({@link LoopbackGuard}) and bodies over 256 KiB,
 * which it stops reading at the limit. The web dashboard is served beside it, at {@code
 * /dashboard/}.
 */
public final class LocalApiServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LocalApiServer.class.getName());
  private static final int MAX_BODY_BYTES = Math.toIntExact(ApiHandler.MAX_BODY_BYTES);

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
    return start(handler, null, port, actor, clock);
  }

  /** As above, and with {@code alarms} taking alarm state changes at {@link LocalAlarms#PATH}. */
  static LocalApiServer start(
      ApiHandler handler, LocalAlarms alarms, int port, String actor, Clock clock) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      HttpServer server = HttpServer.create(address, 0);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      Exchanges exchanges =
          new Exchanges(
              handler,
              new ProxyEvents(actor),
              new LoopbackGuard(server.getAddress().getPort()),
              clock);
      server.createContext("/", exchanges::serve);
      int bound = server.getAddress().getPort();
      // The dashboard's page calls this same API, over HTTP like any client.
      ApiClient self = new ApiClient(URI.create("http://127.0.0.1:" + bound), RequestSigner.NONE);
      server.createContext(
          DashboardHandler.LOCAL_BASE,
          new DashboardHandler(DashboardHandler.LOCAL_BASE, self, false, bound));
      if (alarms != null) {
        server.createContext(
            LocalAlarms.PATH, new AlarmExchanges(alarms, exchanges.guard(), clock)::serve);
      }
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

  /** One request: guard, bounded body, handler, answer. */
  private record Exchanges(
      ApiHandler handler, ProxyEvents events, LoopbackGuard guard, Clock clock) {
    void serve(HttpExchange exchange) throws IOException {
      try (exchange) {
        Optional<LocalRefusal> refused =
            guard.check(exchange.getRequestMethod(), exchange.getRequestHeaders());
        if (refused.isPresent()) {
          LOG.log(
              Level.WARNING,
              "refused "
                  + exchange.getRequestMethod()
                  + " "
                  + target(exchange)
                  + ": "
                  + refused.get().detail());
          refuse(exchange, refused.get());
          return;
        }
        BoundedBody.Result body = BoundedBody.read(exchange, MAX_BODY_BYTES);
        if (body.refusal().isPresent()) {
          refuse(exchange, body.refusal().get());
          return;
        }
        APIGatewayProxyRequestEvent event;
        try {
          event = events.request(exchange, body.bytes());
        } catch (IllegalArgumentException notText) {
          refuse(exchange, LocalRefusal.badRequest(notText.getMessage()));
          return;
        }
        answer(exchange, handler.handleRequest(event, null));
      }
    }

    private void answer(HttpExchange exchange, APIGatewayProxyResponseEvent response)
        throws IOException {
      if (response.getHeaders() != null) {
        response.getHeaders().forEach(exchange.getResponseHeaders()::add);
      }
      // The JDK server writes Date from the real clock itself, so the handler's time travels here.
      exchange.getResponseHeaders().set(ApiResult.CLOCK_HEADER, clock.instant().toString());
      byte[] body =
          response.getBody() == null
              ? new byte[0]
              : response.getBody().getBytes(StandardCharsets.UTF_8);
      send(exchange, response.getStatusCode(), body);
    }

    /** Answers without the handler, and closes the connection: what is left of it goes unread. */
    private static void refuse(HttpExchange exchange, LocalRefusal refusal) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
      exchange.getResponseHeaders().set("Connection", "close");
      send(exchange, refusal.status(), refusal.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
      boolean bodyless = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || body.length == 0;
      exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (!bodyless) {
          out.write(body);
        }
      }
    }

    private static String target(HttpExchange exchange) {
      return exchange.getRequestURI().getRawPath();
    }
  }

  /**
   * {@code POST /local/alarms/{name}[?state=ALARM|OK|INSUFFICIENT_DATA]}: behind the same guard as
   * the API, an alarm state change for {@link LocalAlarms}; answers what the alarm handler did.
   */
  private record AlarmExchanges(LocalAlarms alarms, LoopbackGuard guard, Clock clock) {
    private static final ObjectMapper JSON = new ObjectMapper();

    void serve(HttpExchange exchange) throws IOException {
      try (exchange) {
        Optional<LocalRefusal> refused =
            guard.check(exchange.getRequestMethod(), exchange.getRequestHeaders());
        if (refused.isPresent()) {
          Exchanges.refuse(exchange, refused.get());
          return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
          Exchanges.refuse(exchange, LocalRefusal.methodNotAllowed("alarms take POST"));
          return;
        }
        String name = exchange.getRequestURI().getPath().substring(LocalAlarms.PATH.length());
        String state = state(exchange.getRequestURI().getRawQuery());
        if (name.isEmpty() || name.length() > 255 || name.contains("/")) {
          Exchanges.refuse(
              exchange, LocalRefusal.badRequest("an alarm name is 1 to 255 characters, no '/'"));
          return;
        }
        if (!LocalAlarms.STATES.contains(state)) {
          Exchanges.refuse(
              exchange,
              LocalRefusal.badRequest(
                  "state " + state + " is not one of ALARM, OK, INSUFFICIENT_DATA"));
          return;
        }
        byte[] body = JSON.writeValueAsBytes(alarms.change(name, state));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set(ApiResult.CLOCK_HEADER, clock.instant().toString());
        Exchanges.send(exchange, 200, body);
      }
    }

    /** The {@code state} query parameter, upper-cased; ALARM when absent. */
    private static String state(String rawQuery) {
      if (rawQuery == null) {
        return "ALARM";
      }
      for (String pair : rawQuery.split("&")) {
        if (pair.startsWith("state=")) {
          return java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8)
              .toUpperCase(java.util.Locale.ROOT);
        }
      }
      return "ALARM";
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

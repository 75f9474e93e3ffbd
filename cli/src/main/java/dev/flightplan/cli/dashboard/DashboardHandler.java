package dev.flightplan.cli.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.cli.api.EndpointException;
import dev.flightplan.cli.local.LocalRefusal;
import dev.flightplan.cli.local.LoopbackGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard over HTTP: its static files, and the API requests its page makes under {@code
 * api/}, passed on through an {@link ApiClient} — signed with the user's credentials, which never
 * reach the page, or unsigned to local mode. Served by {@code flightplan dashboard} at {@code /}
 * and by {@code flightplan local} at {@link #LOCAL_BASE}. The {@link LoopbackGuard} keeps other web
 * pages out, as it does for local mode's API.
 */
public final class DashboardHandler implements HttpHandler {
  /** Where {@code flightplan local} serves the dashboard. */
  public static final String LOCAL_BASE = "/dashboard";

  private static final String API = "/api";
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final ApiClient api;
  private final boolean readOnly;
  private final LoopbackGuard guard;
  private final StaticFiles files = StaticFiles.load();

  /**
   * @param base the path the dashboard is served under: empty for the root, or {@link #LOCAL_BASE}
   * @param port the server's own port, whose pages may ask for changes
   */
  public DashboardHandler(String base, ApiClient api, boolean readOnly, int port) {
    this.base = base;
    this.api = api;
    this.readOnly = readOnly;
    this.guard = new LoopbackGuard(port);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      Optional<LocalRefusal> refused = guard.check(method, exchange.getRequestHeaders());
      if (refused.isPresent()) {
        Answers.refuse(exchange, refused.get());
        return;
      }
      if (readOnly && !method.equals("GET")) {
        Answers.refuse(
            exchange, LocalRefusal.forbidden("the dashboard is read-only: it takes GET only"));
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      if (!base.isEmpty() && path.equals(base)) {
        exchange.getResponseHeaders().set("Location", base + "/");
        Answers.send(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      String own = path.startsWith(base + "/") ? path.substring(base.length()) : "";
      if (own.startsWith(API + "/")) {
        forward(exchange, own.substring(API.length()));
      } else if (own.equals("/config.json") && method.equals("GET")) {
        Answers.send(exchange, 200, "application/json", config());
      } else {
        serveFile(exchange, own);
      }
    }
  }

  private byte[] config() throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("readOnly", readOnly);
    config.put("endpoint", api.endpoint());
    return JSON.writeValueAsBytes(config);
  }

  private void serveFile(HttpExchange exchange, String path) throws IOException {
    Optional<StaticFiles.File> file = files.find(path);
    if (file.isEmpty()) {
      Answers.refuse(exchange, Answers.notFound("no dashboard file at " + path));
    } else if (!exchange.getRequestMethod().equals("GET")) {
      Answers.refuse(exchange, LocalRefusal.methodNotAllowed("the dashboard's files take GET"));
    } else {
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      Answers.send(exchange, 200, file.get().contentType(), file.get().bytes());
    }
  }

  /** Passes an allowed request on to the API and its answer back, whatever its status. */
  private void forward(HttpExchange exchange, String apiPath) throws IOException {
    String method = exchange.getRequestMethod();
    if (!DashboardRoutes.allows(method, apiPath)) {
      Answers.refuse(exchange, Answers.notFound(DashboardRoutes.described()));
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      Answers.refuse(exchange, LocalRefusal.tooLarge("an action's body is at most 16 KiB"));
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, String> headers = new LinkedHashMap<>();
    if (body.length > 0) {
      headers.put("Content-Type", "application/json");
    }
    ApiResult answer;
    try {
      answer = api.forward(method, apiPath + (query == null ? "" : "?" + query), headers, body);
    } catch (EndpointException e) {
      Answers.refuse(exchange, Answers.badGateway(e.getMessage()));
      return;
    } catch (IllegalArgumentException e) {
      Answers.refuse(exchange, LocalRefusal.badRequest("the query is not a valid URL query"));
      return;
    } catch (RuntimeException e) {
      // Most often no credentials or region: the dashboard's own terminal user can fix that.
      Answers.refuse(
          exchange, Answers.badGateway("cannot sign the request to the API: " + e.getMessage()));
      return;
    }
    String contentType = answer.header("Content-Type");
    exchange.getResponseHeaders().set(ApiResult.CLOCK_HEADER, answer.serverTime().toString());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    byte[] bytes =
        answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
    Answers.send(
        exchange, answer.status(), contentType == null ? "application/json" : contentType, bytes);
  }
}

package dev.flightplan.cli.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plans API over HTTP (docs/design.md §5). Answers of 400 and above become an {@link
 * ApiProblem}; a failed connection becomes an {@link EndpointException} naming the endpoint tried.
 */
public final class ApiClient {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

  private final String endpoint;
  private final RequestSigner signer;
  private final HttpClient http;

  public ApiClient(URI endpoint, RequestSigner signer) {
    this.endpoint = endpoint.toString().replaceAll("/+$", "");
    this.signer = signer;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * A client for {@code endpoint}: unsigned for loopback {@code http} addresses (local mode) or
   * when {@code noSign}, SigV4 with the default chains otherwise.
   */
  public static ApiClient forEndpoint(String endpoint, boolean noSign) {
    if (endpoint == null || endpoint.isBlank()) {
      throw EndpointException.missing();
    }
    URI uri;
    try {
      uri = URI.create(endpoint.strip());
    } catch (IllegalArgumentException e) {
      throw new EndpointException("the endpoint '" + endpoint + "' is not a URL", e);
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new EndpointException(
          "the endpoint '" + endpoint + "' is not an http(s) URL; " + EndpointException.HOW_TO_SET,
          null);
    }
    boolean local = "http".equals(uri.getScheme()) && isLoopback(uri.getHost());
    return new ApiClient(
        uri, noSign || local ? RequestSigner.NONE : SigV4Signer.fromDefaultChains());
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  public String endpoint() {
    return endpoint;
  }

  /** Whether requests are signed (SigV4) rather than sent as they are. */
  public boolean signs() {
    return signer != RequestSigner.NONE;
  }

  public ApiResult get(String path) {
    return send("GET", path, Map.of(), null);
  }

  public ApiResult post(String path, String contentType, String body) {
    return send("POST", path, Map.of("Content-Type", contentType), body);
  }

  public ApiResult send(String method, String path, Map<String, String> headers, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return answer(exchange(request(method, path, headers, bytes)));
  }

  /**
   * Sends a request and returns the answer whatever its status, problems included: what the
   * dashboard passes on to its page.
   */
  public ApiResult forward(String method, String path, Map<String, String> headers, byte[] body) {
    HttpResponse<String> response = exchange(request(method, path, headers, body));
    return new ApiResult(response.statusCode(), response.headers().map(), response.body());
  }

  private HttpRequest request(
      String method, String path, Map<String, String> headers, byte[] bytes) {
    URI uri = URI.create(endpoint + path);
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("Accept", List.of("application/json"));
    headers.forEach((k, v) -> all.put(k, List.of(v)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    signer
        .sign(method, uri, all, bytes)
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return request.build();
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw EndpointException.unreachable(endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EndpointException.unreachable(endpoint, e);
    }
  }

  private static ApiResult answer(HttpResponse<String> response) {
    if (response.statusCode() >= 400) {
      throw ApiProblem.of(response.statusCode(), response.body());
    }
    return new ApiResult(response.statusCode(), response.headers().map(), response.body());
  }

  /** One path segment, percent-encoded (ids are safe; checklist items and flag keys may not be). */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A query string from name-value pairs, starting with {@code ?}; empty when there are none. */
  public static String query(Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (v != null) {
            query.append(query.isEmpty() ? '?' : '&').append(segment(k)).append('=');
            query.append(segment(v));
          }
        });
    return query.toString();
  }
}

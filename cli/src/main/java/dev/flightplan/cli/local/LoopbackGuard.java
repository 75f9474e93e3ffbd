package dev.flightplan.cli.local;

import com.sun.net.httpserver.Headers;
import dev.flightplan.cli.TerminalText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps web pages out of the local API. Any page a browser on this machine shows can send requests
 * to 127.0.0.1, so the server answers only requests addressed to a loopback name (a page that
 * rebinds its own DNS name to 127.0.0.1 still sends that name as {@code Host}), and lets a change
 * through only when no other site asked for it ({@code Origin}, {@code Sec-Fetch-Site}). The CLI
 * and curl send neither header and pass.
 */
public final class LoopbackGuard {
  static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
  private static final Set<String> READ_ONLY_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");
  // A name, or an IPv6 literal in brackets, then an optional port.
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+)(:[0-9]{1,5})?");

  private final int port;

  /**
   * @param port the server's port: its own pages' origin is {@code http://<loopback name>:port}
   */
  public LoopbackGuard(int port) {
    this.port = port;
  }

  /** Why this request is refused; empty when it may reach the API. */
  public Optional<LocalRefusal> check(String method, Headers headers) {
    List<String> hosts = headers.get("Host");
    if (hosts == null || hosts.size() != 1) {
      return Optional.of(
          LocalRefusal.badRequest("send one Host header: 127.0.0.1, localhost or [::1]"));
    }
    if (!isLoopbackHost(hosts.get(0))) {
      return refuse("Host " + quoted(hosts.get(0)) + " is not 127.0.0.1, localhost or [::1]");
    }
    if (READ_ONLY_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    for (String origin : headers.getOrDefault("Origin", List.of())) {
      if (!isOwnOrigin(origin)) {
        return refuse("a change asked for by the page at " + quoted(origin) + " is refused");
      }
    }
    String site = headers.getFirst("Sec-Fetch-Site");
    if (site != null && FOREIGN_FETCH_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
      return refuse(
          "a change asked for by a page of another site (" + quoted(site) + ") is refused");
    }
    return Optional.empty();
  }

  /** 127.0.0.1, localhost or [::1], with any port: a forwarded port still names this machine. */
  public static boolean isLoopbackHost(String host) {
    Matcher m = HOST.matcher(host.strip());
    return m.matches() && LOOPBACK_NAMES.contains(m.group(1).toLowerCase(Locale.ROOT));
  }

  /** {@code http://} a loopback name and this server's port: a page this server served. */
  private boolean isOwnOrigin(String origin) {
    try {
      URI uri = new URI(origin.strip().toLowerCase(Locale.ROOT));
      int originPort = uri.getPort() == -1 ? 80 : uri.getPort();
      return "http".equals(uri.getScheme())
          && uri.getHost() != null
          && LOOPBACK_NAMES.contains(uri.getHost())
          && uri.getRawUserInfo() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && originPort == port;
    } catch (URISyntaxException notAnOrigin) {
      return false;
    }
  }

  private static Optional<LocalRefusal> refuse(String why) {
    return Optional.of(
        LocalRefusal.forbidden(
            why + ": the local API answers this machine's command line, not web pages"));
  }

  /** A short, printable excerpt of what the caller sent. */
  private static String quoted(String value) {
    String excerpt = value.length() > 100 ? value.substring(0, 100) + "…" : value;
    return "'" + TerminalText.escape(excerpt) + "'";
  }
}

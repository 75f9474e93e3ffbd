package dev.flightplan.cli.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.flightplan.cli.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code flightplan dashboard}'s server: the {@link DashboardHandler} at {@code /}, on loopback.
 */
public final class DashboardServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private DashboardServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on {@code address}, which must be a loopback address; port 0 picks a free one.
   */
  public static DashboardServer start(
      InetAddress address, int port, ApiClient api, boolean readOnly) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(address + " is not a loopback address");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      int bound = server.getAddress().getPort();
      server.createContext("/", new DashboardHandler("", api, readOnly, bound));
      server.setExecutor(executor);
      server.start();
      return new DashboardServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + address.getHostAddress() + ":" + port, e);
    }
  }

  /** Where the dashboard is, e.g. {@code http://127.0.0.1:7450/}. */
  public URI address() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

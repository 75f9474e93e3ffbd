package dev.flightplan.infra.dynamodb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local in this JVM: in memory or in one file of a directory, telemetry off, serving HTTP
 * on 127.0.0.1 only. Its launcher has no host option and binds every interface, so the Jetty
 * connector is narrowed before it starts. Used by local mode and by the integration tests; DynamoDB
 * Local is an optional dependency of this module, so it never reaches the Lambda package.
 */
public final class DynamoDbLocal implements AutoCloseable {
  // Held, so the level set on it stays: SQLite warns that its jar has no version, harmlessly.
  private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocal(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** In memory: the tables are gone when it stops. */
  public static DynamoDbLocal start() {
    return start(null);
  }

  /**
   * @param directory where the tables are kept across restarts, in one file ({@code
   *     shared-local-instance.db}) whatever the credentials and region; null for memory only
   */
  public static DynamoDbLocal start(Path directory) {
    try {
      int port = freePort();
      DynamoDBProxyServer server = quietly(() -> create(port, directory));
      bindToLoopback(server);
      server.start();
      // Set after start: the server resets the logging configuration while it starts.
      SQLITE_LOG.setLevel(Level.SEVERE);
      return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
    } catch (Exception e) {
      throw new IllegalStateException("could not start DynamoDB Local on 127.0.0.1", e);
    }
  }

  private static DynamoDBProxyServer create(int port, Path directory) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("-port", String.valueOf(port), "-disableTelemetry"));
    if (directory == null) {
      args.add("-inMemory");
    } else {
      args.addAll(List.of("-dbPath", directory.toString(), "-sharedDb"));
    }
    return ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
  }

  /** Runs {@code start} without its banner, which DynamoDB Local prints to standard output. */
  private static <T> T quietly(Callable<T> start) throws Exception {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return start.call();
    } finally {
      System.setOut(out);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Nothing is lost: SQLite has stored every write already, or the tables were in memory.
    }
  }

  private static void bindToLoopback(DynamoDBProxyServer proxy)
      throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost("127.0.0.1");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

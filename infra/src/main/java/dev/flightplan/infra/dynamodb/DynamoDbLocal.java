package dev.flightplan.infra.dynamodb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local in this JVM: in memory, telemetry off, serving HTTP on 127.0.0.1 only. Its
 * launcher has no host option and binds every interface, so the Jetty connector is narrowed before
 * it starts. Used by local mode and by the integration tests; DynamoDB Local is an optional
 * dependency of this module, so it never reaches the Lambda package.
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

  public static DynamoDbLocal start() {
    try {
      int port = freePort();
      DynamoDBProxyServer server = quietly(() -> create(port));
      bindToLoopback(server);
      server.start();
      // Set after start: the server resets the logging configuration while it starts.
      SQLITE_LOG.setLevel(Level.SEVERE);
      return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
    } catch (Exception e) {
      throw new IllegalStateException("could not start DynamoDB Local on 127.0.0.1", e);
    }
  }

  private static DynamoDBProxyServer create(int port) throws Exception {
    return ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
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
      // Stopping an in-memory server loses nothing; the process is going away.
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

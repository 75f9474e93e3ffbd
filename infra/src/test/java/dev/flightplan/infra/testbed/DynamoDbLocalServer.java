package dev.flightplan.infra.testbed;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local from Maven Central, in this JVM, serving HTTP on 127.0.0.1 only. Its own launcher
 * has no host option and binds every interface, so the Jetty connector is narrowed before start.
 */
final class DynamoDbLocalServer {
  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  static DynamoDbLocalServer start() {
    try {
      int port = freePort();
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
      bindToLoopback(server);
      server.start();
      return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + port));
    } catch (Exception e) {
      throw new IllegalStateException("could not start DynamoDB Local on 127.0.0.1", e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      // The JVM is exiting; nothing left to clean.
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

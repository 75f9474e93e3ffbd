package dev.flightplan.cli.local.emf;

import dev.flightplan.core.port.MetricsSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local mode's CloudWatch agent: takes Embedded Metric Format documents on 127.0.0.1 only, over TCP
 * (one per line, as the agent and AWS's EMF libraries send them) and, on the same port, UDP (one or
 * more lines per datagram), and keeps what they say for the gates ({@link #metrics()}). At most
 * {@link #MAX_CONNECTIONS} connections at once; a line over 1 MiB is refused.
 */
public final class EmfListener implements AutoCloseable {
  static final int MAX_CONNECTIONS = 64;

  private final EmfIntake intake;
  private final EmfStore store;
  private final ServerSocket tcp;
  private final DatagramSocket udp;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private EmfListener(ServerSocket tcp, DatagramSocket udp, Clock clock) {
    this.tcp = tcp;
    this.udp = udp;
    this.store = new EmfStore();
    this.intake = new EmfIntake(store, clock);
    Thread.ofPlatform().daemon().name("emf-tcp").start(this::accept);
    if (udp != null) {
      Thread.ofPlatform().daemon().name("emf-udp").start(this::receive);
    }
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0 for any free port); {@code clock} judges how old a
   * document's timestamp is.
   */
  public static EmfListener start(int port, Clock clock) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    ServerSocket tcp;
    try {
      tcp = new ServerSocket();
      tcp.bind(new InetSocketAddress(loopback, port));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for EMF on tcp://127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    }
    DatagramSocket udp;
    try {
      udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
    } catch (SocketException taken) {
      udp = null;
    }
    return new EmfListener(tcp, udp, clock);
  }

  /** The gates' view of what arrived. */
  public MetricsSource metrics() {
    return new EmfMetricsSource(store);
  }

  public URI tcpEndpoint() {
    return URI.create("tcp://127.0.0.1:" + tcp.getLocalPort());
  }

  /** Empty when the UDP port was taken by another program. */
  public Optional<URI> udpEndpoint() {
    return udp == null ? Optional.empty() : Optional.of(URI.create("udp://127.0.0.1:" + port()));
  }

  public int port() {
    return tcp.getLocalPort();
  }

  /** Documents taken so far. */
  public long accepted() {
    return intake.accepted();
  }

  /** Documents refused so far (each refusal reason is logged once). */
  public long refused() {
    return intake.refused();
  }

  private void accept() {
    while (!tcp.isClosed()) {
      Socket socket;
      try {
        socket = tcp.accept();
      } catch (IOException closed) {
        return;
      }
      if (connections.size() >= MAX_CONNECTIONS) {
        intake.refuse("more than " + MAX_CONNECTIONS + " connections at once");
        close(socket);
        continue;
      }
      connections.add(socket);
      Thread.ofVirtual().start(() -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      new LineReader(socket.getInputStream(), intake).readAll();
    } catch (IOException dropped) {
      // The sender went away; what it sent whole was taken.
    } finally {
      connections.remove(socket);
    }
  }

  private void receive() {
    byte[] buffer = new byte[65_535];
    while (!udp.isClosed()) {
      java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException closed) {
        return;
      }
      String text =
          new String(
              packet.getData(), 0, packet.getLength(), java.nio.charset.StandardCharsets.UTF_8);
      text.lines().filter(line -> !line.isBlank()).forEach(intake::take);
    }
  }

  @Override
  public void close() {
    close(tcp);
    if (udp != null) {
      udp.close();
    }
    connections.forEach(EmfListener::close);
  }

  private static void close(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing is best effort; the process is leaving local mode.
    }
  }
}

package dev.flightplan.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends documents to the CloudWatch agent: over TCP one per line on a connection kept open (and
 * opened again once when it broke), or over UDP one datagram each. A document that cannot be sent
 * is dropped and counted; the agent being away never reaches the caller.
 */
abstract class AgentOutput implements EmfOutput {
  static final int CONNECT_TIMEOUT_MILLIS = 1_000;

  final AgentEndpoint endpoint;
  private long dropped;

  AgentOutput(AgentEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  static AgentOutput of(AgentEndpoint endpoint) {
    return endpoint.udp() ? new Udp(endpoint) : new Tcp(endpoint);
  }

  @Override
  public synchronized void accept(String document) {
    byte[] line = (document + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      send(line);
    } catch (IOException first) {
      disconnect();
      try {
        send(line);
      } catch (IOException second) {
        disconnect();
        dropped++;
      }
    }
  }

  /** Documents that could not be sent. */
  synchronized long dropped() {
    return dropped;
  }

  @Override
  public synchronized void close() {
    disconnect();
  }

  abstract void send(byte[] line) throws IOException;

  abstract void disconnect();

  @Override
  public String toString() {
    return endpoint.toString();
  }

  private static final class Tcp extends AgentOutput {
    private Socket socket;
    private OutputStream out;

    Tcp(AgentEndpoint endpoint) {
      super(endpoint);
    }

    @Override
    void send(byte[] line) throws IOException {
      if (socket == null) {
        Socket opened = new Socket();
        try {
          opened.connect(endpoint.address(), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
          opened.close();
          throw e;
        }
        socket = opened;
        out = opened.getOutputStream();
      }
      out.write(line);
      out.flush();
    }

    @Override
    void disconnect() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a broken connection has nothing left to report.
        }
      }
      socket = null;
      out = null;
    }
  }

  private static final class Udp extends AgentOutput {
    private DatagramSocket socket;

    Udp(AgentEndpoint endpoint) {
      super(endpoint);
    }

    @Override
    void send(byte[] line) throws IOException {
      if (socket == null) {
        socket = new DatagramSocket();
      }
      socket.send(new DatagramPacket(line, line.length, endpoint.address()));
    }

    @Override
    void disconnect() {
      if (socket != null) {
        socket.close();
      }
      socket = null;
    }
  }
}

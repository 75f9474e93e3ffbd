package dev.flightplan.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server on 127.0.0.1 that accepts connections and never answers: a hung endpoint. */
final class SilentServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  SilentServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  int connections() {
    return accepted.size();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        accepted.add(socket.accept());
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() throws Exception {
    socket.close();
    for (Socket s : accepted) {
      s.close();
    }
    acceptor.join(5_000);
  }
}

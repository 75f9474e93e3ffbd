package dev.flightplan.cli.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 by hand over a socket to 127.0.0.1: what {@code java.net.http} will not send (a foreign
 * {@code Host}, raw bytes in the request line, a body that never ends).
 */
final class RawHttp {
  /** An answer: the status, the head as text and the body. */
  record Answer(int status, String head, String body) {
    boolean closesConnection() {
      return head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, without the blank line) and {@code body}, with
   * {@code Connection: close}, and reads the answer to the end.
   */
  static Answer send(int port, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  static Answer get(int port, String target, String host) throws IOException {
    return send(port, "GET " + target + " HTTP/1.1\r\nHost: " + host, new byte[0]);
  }

  /** Reads an answer up to the end of the connection (or of a body as long as it says). */
  static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
        if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (SocketException reset) {
      // The server may reset a connection it refused once the answer is out.
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
    return new Answer(status, head, body);
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    int at = head.indexOf("\r\ncontent-length: ");
    if (at < 0) {
      return false;
    }
    int from = at + "\r\ncontent-length: ".length();
    int to = head.indexOf("\r\n", from);
    long length = Long.parseLong(head.substring(from, to < 0 ? head.length() : to).strip());
    return text.length() - end - 4 >= length;
  }
}

package dev.flightplan.cli.local.emf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener takes documents over TCP lines and UDP datagrams on 127.0.0.1 only. */
class EmfListenerTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  @Timeout(20)
  void documentsArriveOverTcpAndUdpOnLoopback() throws Exception {
    try (EmfListener listener = EmfListener.start(0, Clock.fixed(NOW, ZoneOffset.UTC))) {
      assertThat(listener.tcpEndpoint().getHost()).isEqualTo("127.0.0.1");
      String document = EmfIntakeTest.document(NOW.toEpochMilli(), "1");

      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
        OutputStream out = socket.getOutputStream();
        out.write((document + "\n" + document + "\nnot json\n").getBytes(StandardCharsets.UTF_8));
        out.write(("x".repeat(LineReader.MAX_LINE + 1) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      assertThat(listener.udpEndpoint()).isPresent();
      try (DatagramSocket udp = new DatagramSocket()) {
        byte[] bytes = (document + "\n").getBytes(StandardCharsets.UTF_8);
        udp.send(
            new DatagramPacket(
                bytes, bytes.length, InetAddress.getLoopbackAddress(), listener.port()));
      }
      while (listener.accepted() < 3 || listener.refused() < 2) {
        Thread.sleep(5);
      }
      assertThat(listener.accepted()).isEqualTo(3);
      assertThat(listener.refused()).isEqualTo(2);
    }
  }
}

package dev.flightplan.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The outputs: the agent's TCP and UDP endpoints, and the choice AWS's EMF libraries make. */
class EmfOutputTest {

  @Test
  @Timeout(10)
  void tcpSendsOneLinePerDocumentAndReconnectsWhenTheAgentDropsTheConnection() throws Exception {
    try (ServerSocket agent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        EmfOutput output = EmfOutput.agent("tcp://127.0.0.1:" + agent.getLocalPort())) {
      output.accept("{\"a\":1}");
      try (Socket first = agent.accept()) {
        assertThat(reader(first).readLine()).isEqualTo("{\"a\":1}");
      }
      // The first write after a close may still succeed locally; one of the next reconnects.
      output.accept("{\"b\":2}");
      output.accept("{\"c\":3}");
      try (Socket second = agent.accept()) {
        assertThat(reader(second).readLine()).isIn("{\"b\":2}", "{\"c\":3}");
      }
    }
  }

  @Test
  void anAgentThatIsNotThereIsNeverTheCallersProblem() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    AgentOutput output = (AgentOutput) EmfOutput.agent("tcp://127.0.0.1:" + port);

    output.accept("{}");

    assertThat(output.dropped()).isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void udpSendsOneDatagramPerDocument() throws Exception {
    try (DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        EmfOutput output = EmfOutput.agent("udp://127.0.0.1:" + agent.getLocalPort())) {
      output.accept("{\"a\":1}");
      DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
      agent.receive(packet);
      assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
          .isEqualTo("{\"a\":1}\n");
    }
  }

  @Test
  void theEnvironmentChoosesAsAwsLibrariesDo() {
    assertThat(EmfOutput.fromEnvironment(Map.of("AWS_EMF_AGENT_ENDPOINT", "udp://127.0.0.1:9")))
        .hasToString("udp://127.0.0.1:9");
    assertThat(EmfOutput.fromEnvironment(Map.of())).hasToString("tcp://127.0.0.1:25888");
    assertThat(EmfOutput.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "search")))
        .isNotInstanceOf(AgentOutput.class);
    assertThat(EmfOutput.fromEnvironment(Map.of("AWS_EMF_ENVIRONMENT", "Local")))
        .isNotInstanceOf(AgentOutput.class);
  }

  private static BufferedReader reader(Socket socket) throws Exception {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }
}

package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.core.plan.PlanReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code flightplan local --demo} end to end on a fast tick: DynamoDB Local, the API over HTTP and
 * the controller, until the injected fault makes the controller roll back.
 */
class LocalDemoTest {

  @Test
  @Timeout(120)
  void demoEndsInAnAutomaticRollback() {
    CliHarness.Run run = CliHarness.run("local", "--demo", "--tick", "20ms", "--port", "0");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("ADVANCE            standard-5")
        .contains("PAUSE ")
        .containsPattern(
            "ROLLBACK +- +0% +error_rate-rollback: error_rate [0-9.]+% > 5% over the last [0-9]+m, p<0.0001, for 10m")
        .contains("flightplan get new-search-algorithm -w --endpoint http://127.0.0.1:")
        .contains("outcome    ROLLED_BACK at ")
        .contains("rollback   by controller: error_rate-rollback");
  }

  @Test
  @Timeout(60)
  void everythingListensOnLoopbackOnly() throws Exception {
    LocalRuntime.Options options =
        new LocalRuntime.Options(
            0, false, new TrafficSimulator(1, List.of()), null, false, Demo.START);
    try (LocalRuntime runtime = LocalRuntime.start(options, new PrintWriter(System.out))) {
      for (URI endpoint : List.of(runtime.endpoint(), runtime.dynamoDbEndpoint())) {
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(listeners(endpoint.getPort())).containsOnly("127.0.0.1");
        assertThat(reachable(InetAddress.getLoopbackAddress(), endpoint.getPort())).isTrue();
      }
      assertThat(runtime.tick()).containsEntry("failed", 0);
    }
    assertThat(System.getProperty(LocalAws.DYNAMODB_ENDPOINT)).isNull();
  }

  @Test
  void demoPlanIsTheExamplePlan() throws IOException {
    assertThat(Demo.planText())
        .isEqualTo(Files.readString(Path.of("../examples/plans/new-search-algorithm.yaml")));
    assertThat(PlanReader.read(Demo.planText()).id()).isEqualTo(Demo.ROLLOUT);
  }

  /** Local addresses listening on {@code port}, from the kernel's socket table. */
  private static Set<String> listeners(int port) throws IOException {
    Set<String> hosts = new HashSet<>();
    Pattern row = Pattern.compile("^\\s*\\d+: ([0-9A-F]+):([0-9A-F]{4}) [0-9A-F]+:[0-9A-F]+ 0A ");
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path)) {
        Matcher m = row.matcher(line);
        if (m.find() && Integer.parseInt(m.group(2), 16) == port) {
          hosts.add(address(m.group(1)));
        }
      }
    }
    return hosts;
  }

  /** {@code 0100007F} is 127.0.0.1 (little-endian); anything else is reported raw. */
  private static String address(String hex) {
    if (hex.length() != 8) {
      return hex.equals("0000000000000000FFFF00000100007F") ? "127.0.0.1" : hex;
    }
    long v = Long.parseLong(hex, 16);
    return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
  }

  private static boolean reachable(InetAddress host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Duration.ofSeconds(2).toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

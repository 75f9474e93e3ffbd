package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code local --metrics emf}: real time, its banner, and what it refuses to go with. */
class LocalEmfCommandTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void theBannerNamesTheFlagsTableAndTheEmfEndpointOnRealTime() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    CliHarness.Run run =
        CliHarness.run(
            "local", "--port", "0", "--metrics", "emf", "--emf-port", "0", "--max-minutes", "0");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "  flags      table flightplan-flags at http://127\\.0\\.0\\.1:[0-9]+ \\(any region"
                + " and credentials\\)")
        .containsPattern(
            "  app env    AWS_ENDPOINT_URL_DYNAMODB=http://127\\.0\\.0\\.1:([0-9]+)"
                + " FLIGHTPLAN_FLAGS_TABLE=flightplan-flags"
                + " AWS_EMF_AGENT_ENDPOINT=tcp://127\\.0\\.0\\.1:[0-9]+\n")
        .containsPattern(
            "  metrics    EMF from applications on tcp://127\\.0\\.0\\.1:([0-9]+) and"
                + " udp://127\\.0\\.0\\.1:\\1 \\(AWS_EMF_AGENT_ENDPOINT=tcp://127\\.0\\.0\\.1:\\1\\)")
        .contains("  time       real time; the controller runs 5s after each minute, from ");
    String from = run.out().replaceAll("(?s).*after each minute, from (\\S+).*", "$1");
    assertThat(Instant.parse(from)).isAfterOrEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--demo|--demo does not go with --metrics emf",
        "--tick=50ms|--tick does not go with --metrics emf",
        "--fault=error-rate=8%@canary|--fault does not go with --metrics emf",
        "--seed=3|--seed does not go with --metrics emf",
      })
  void simulatedOptionsAreRefusedWithEmf(String option, String message) {
    CliHarness.Run run = CliHarness.run("local", "--metrics", "emf", option);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("on real time");
  }

  @Test
  void anEmfPortWithoutEmfIsRefused() {
    CliHarness.Run run = CliHarness.run("local", "--metrics", "simulator", "--emf-port", "25888");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--emf-port goes with --metrics emf");
  }

  @Test
  void aStateDirectoryAheadOfRealTimeIsRefused() throws Exception {
    StateDirectory.open(dir).remember(Instant.now().plus(3, ChronoUnit.DAYS));

    CliHarness.Run run = CliHarness.run("local", "--metrics", "emf", "--state-dir", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("ahead of the real time EMF runs on");
  }

  @Test
  @Timeout(60)
  void aTakenEmfPortSaysWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliHarness.Run run =
          CliHarness.run(
              "local",
              "--port",
              "0",
              "--metrics",
              "emf",
              "--emf-port",
              Integer.toString(taken.getLocalPort()),
              "--max-minutes",
              "0");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("cannot listen for EMF").contains("--emf-port");
    }
  }
}

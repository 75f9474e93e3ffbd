package dev.flightplan.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code status} waits for the end and says how it ended in its exit code. */
class StatusCommandTest {
  private final CliHarness cli = new CliHarness();

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void completedExitsZero() {
    cli.started();
    for (int i = 0; i < 3; i++) {
      cli.api("promote", "checkout-v2");
    }

    Run run = cli.api("status", "checkout-v2", "--timeout", "5s");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("checkout-v2: COMPLETED");
  }

  @Test
  void rolledBackExitsFive() {
    cli.started();
    cli.api("rollback", "checkout-v2", "--yes");

    Run run = cli.api("status", "checkout-v2", "-o", "json");

    assertThat(run.exit()).isEqualTo(ExitCodes.ENDED_BADLY);
    assertThat(run.out()).contains("\"status\" : \"ROLLED_BACK\"");
  }

  @Test
  void abortedExitsFive() {
    cli.started();
    cli.api("abort", "checkout-v2", "--yes");

    assertThat(cli.api("status", "checkout-v2").exit()).isEqualTo(ExitCodes.ENDED_BADLY);
  }

  @Test
  void stillRunningAtTheTimeoutExitsSix() {
    cli.started();

    Run run = cli.api("status", "checkout-v2", "--timeout", "PT0.3S", "--interval", "1s");

    assertThat(run.exit()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(run.out()).isEqualTo("checkout-v2: RUNNING, phase 1 of 3, exposure 5%\n");
    assertThat(run.err()).startsWith("timed out after 0s: checkout-v2: RUNNING");
  }

  @Test
  void unknownRolloutExitsThree() {
    assertThat(cli.api("status", "nope").exit()).isEqualTo(ExitCodes.NOT_FOUND);
  }
}

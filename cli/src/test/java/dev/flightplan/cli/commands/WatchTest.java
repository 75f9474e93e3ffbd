package dev.flightplan.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import dev.flightplan.cli.Flightplan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code get -w} stops when nobody reads its output, and refuses to poll in a tight loop. */
class WatchTest {
  private final CliHarness cli = new CliHarness();

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void watchEndsWhenItsOutputCloses() {
    cli.started();
    CommandLine command = Flightplan.commandLine();
    command.setOut(new PrintWriter(new ClosedAfterFirstScreen(), true));
    command.setErr(new PrintWriter(new StringWriter(), true));

    // A hang guard, not a speed figure: before the fix this watched a running rollout forever.
    int exit =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                command.execute(
                    "get",
                    "checkout-v2",
                    "-w",
                    "--interval",
                    "1s",
                    "--endpoint=" + cli.server.endpoint()));

    assertThat(exit).isZero();
  }

  @Test
  void intervalsBelowOneSecondAreRefused() {
    cli.started();

    Run run = cli.api("get", "checkout-v2", "-w", "--interval", "0s");
    Run status = cli.api("status", "checkout-v2", "--interval", "PT0.5S");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("'0s' is shorter than 1s; use --interval 1s or more");
    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err()).contains("shorter than 1s");
  }

  /** A reader that takes one screen, then goes away as `head` does. */
  private static final class ClosedAfterFirstScreen extends Writer {
    private boolean closed;

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("Broken pipe");
      }
    }

    @Override
    public void flush() {
      closed = true;
    }

    @Override
    public void close() {}
  }
}

package dev.flightplan.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.Flightplan;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flightplan dashboard}'s options: what it refuses before it listens. */
class DashboardCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Flightplan.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void anAddressOtherThanLoopbackIsRefusedWithTheReason() {
    int code = run("dashboard", "--endpoint", "http://127.0.0.1:9", "--address", "0.0.0.0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--address 0.0.0.0 is not a loopback address")
        .contains("127.0.0.1, localhost or ::1");
  }

  @Test
  void aPortOutsideTheRangeIsRefused() {
    int code = run("dashboard", "--endpoint", "http://127.0.0.1:9", "--port", "70000");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--port 70000 is not 0 to 65535");
  }

  @Test
  void withoutAnEndpointItSaysHowToSetOne() {
    int code = run("dashboard", "--endpoint", "", "--port", "0");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("endpoint");
  }
}

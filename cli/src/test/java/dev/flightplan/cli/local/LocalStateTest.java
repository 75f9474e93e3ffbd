package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where local mode keeps its state: in memory by default, in a directory when asked. */
class LocalStateTest {
  private static final Pattern FROM =
      Pattern.compile("one simulated minute every 10ms, from (\\S+)");

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void aStateDirectoryKeepsRolloutsAndSimulatedTimeAcrossRestarts() throws Exception {
    Path state = dir.resolve("state");
    Instant firstStart;
    try (LocalRuntime runtime =
        LocalRuntime.start(options(state), new PrintWriter(new StringWriter()))) {
      firstStart = runtime.now();
      CliHarness.Run created =
          CliHarness.run(
              "create", "-f", CliHarness.plan("checkout.yaml"), "--endpoint=" + runtime.endpoint());
      assertThat(created.exit()).as(created.err()).isZero();
      runtime.tick();
      runtime.tick();
    }

    try (LocalRuntime again =
        LocalRuntime.start(options(state), new PrintWriter(new StringWriter()))) {
      CliHarness.Run list = CliHarness.run("list", "--endpoint=" + again.endpoint());

      assertThat(list.out()).contains("checkout-v2  DRAFT");
      assertThat(again.now()).isEqualTo(firstStart.plusSeconds(120));
      assertThat(again.stateDir()).hasValue(state.toAbsolutePath());
    }
    assertThat(state.resolve("shared-local-instance.db")).isRegularFile();
  }

  @Test
  @Timeout(120)
  void theBannerSaysWhereStateLives() throws Exception {
    Path state = dir.resolve("kept");

    CliHarness.Run inMemory = local();
    CliHarness.Run first = local("--state-dir", state.toString());
    CliHarness.Run second = local("--state-dir", state.toString());

    assertThat(inMemory.out())
        .contains("  state      in memory, lost on exit (--state-dir DIR keeps it)");
    assertThat(first.out())
        .contains("  state      kept in " + state.toAbsolutePath() + " across restarts");
    assertThat(from(second)).isEqualTo(from(first).plusSeconds(3 * 60));
    assertThat(Files.readString(state.resolve("simulated-time")))
        .isEqualTo(from(second).plusSeconds(180).toString());
  }

  @Test
  void aDemoDoesNotKeepState() {
    CliHarness.Run run = CliHarness.run("local", "--demo", "--state-dir", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--state-dir does not go with --demo");
  }

  @Test
  void aDemoFaultAtAPhaseTheDemoDoesNotHaveIsRefused() {
    CliHarness.Run run =
        CliHarness.run("local", "--demo", "--port", "0", "--fault", "error-rate=8%@no-such-phase");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--fault no-such-phase: the demo's plan has no phase no-such-phase; its phases are"
                + " internal, beta, standard-5, standard-25, all");
  }

  private static CliHarness.Run local(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "local",
                "--port",
                "0",
                "--tick",
                "10ms",
                "--max-minutes",
                "3",
                "--metrics",
                "simulator"));
    args.addAll(List.of(more));
    CliHarness.Run run = CliHarness.run(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  private static Instant from(CliHarness.Run run) {
    Matcher m = FROM.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return Instant.parse(m.group(1));
  }

  private static LocalRuntime.Options options(Path state) {
    return new LocalRuntime.Options(
        0, false, new TrafficSimulator(1, List.of()), null, false, Demo.START, state);
  }
}

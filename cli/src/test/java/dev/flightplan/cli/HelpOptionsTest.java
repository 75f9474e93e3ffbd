package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every subcommand answers {@code -h} and {@code --help} with its usage, whatever it requires. */
class HelpOptionsTest {

  static Stream<String> subcommands() {
    return Flightplan.commandLine().getSubcommands().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void longHelpPrintsUsage(String name) {
    CliHarness.Run run = CliHarness.run(name, "--help");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Usage: flightplan " + name);
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void shortHelpPrintsUsage(String name) {
    CliHarness.Run run = CliHarness.run(name, "-h");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Usage: flightplan " + name);
  }
}

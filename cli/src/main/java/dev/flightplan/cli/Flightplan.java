package dev.flightplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flightplan} command: each subcommand is a class of its own, listed here. */
@Command(
    name = "flightplan",
    mixinStandardHelpOptions = true,
    version = "flightplan 0.1.0",
    description = "Progressive delivery on AWS: write, check, run and steer rollout plans.",
    subcommands = {
      CommandLine.HelpCommand.class,
      dev.flightplan.cli.simulate.SimulateCommand.class
    })
public final class Flightplan implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also what tests run. */
  public static CommandLine commandLine() {
    return new CommandLine(new Flightplan()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

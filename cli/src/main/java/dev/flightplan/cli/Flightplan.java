package dev.flightplan.cli;

import dev.flightplan.cli.commands.AbortCommand;
import dev.flightplan.cli.commands.AlarmCommand;
import dev.flightplan.cli.commands.ApplyCommand;
import dev.flightplan.cli.commands.ApproveCommand;
import dev.flightplan.cli.commands.ChecklistCommand;
import dev.flightplan.cli.commands.CompletionCommand;
import dev.flightplan.cli.commands.CreateCommand;
import dev.flightplan.cli.commands.EvaluateCommand;
import dev.flightplan.cli.commands.GetCommand;
import dev.flightplan.cli.commands.HistoryCommand;
import dev.flightplan.cli.commands.LintCommand;
import dev.flightplan.cli.commands.ListCommand;
import dev.flightplan.cli.commands.MetricsCommand;
import dev.flightplan.cli.commands.PauseCommand;
import dev.flightplan.cli.commands.PromoteCommand;
import dev.flightplan.cli.commands.ResumeCommand;
import dev.flightplan.cli.commands.RetryCommand;
import dev.flightplan.cli.commands.RollbackCommand;
import dev.flightplan.cli.commands.StartCommand;
import dev.flightplan.cli.commands.StatusCommand;
import dev.flightplan.cli.dashboard.DashboardCommand;
import dev.flightplan.cli.local.LocalCommand;
import dev.flightplan.cli.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flightplan} command: each subcommand is a class of its own, listed here. */
@Command(
    name = "flightplan",
    mixinStandardHelpOptions = true,
    // Every subcommand inherits -h/--help and -V/--version.
    scope = CommandLine.ScopeType.INHERIT,
    version = "flightplan 0.1.0",
    resourceBundle = "dev.flightplan.cli.options.SharedOptionHelp",
    description = "Progressive delivery on AWS: write, check, run and steer rollout plans.",
    subcommands = {
      CommandLine.HelpCommand.class,
      LintCommand.class,
      CreateCommand.class,
      ApplyCommand.class,
      ListCommand.class,
      GetCommand.class,
      StatusCommand.class,
      StartCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      PromoteCommand.class,
      ApproveCommand.class,
      RollbackCommand.class,
      AbortCommand.class,
      RetryCommand.class,
      ChecklistCommand.class,
      HistoryCommand.class,
      MetricsCommand.class,
      EvaluateCommand.class,
      AlarmCommand.class,
      CompletionCommand.class,
      SimulateCommand.class,
      LocalCommand.class,
      DashboardCommand.class
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

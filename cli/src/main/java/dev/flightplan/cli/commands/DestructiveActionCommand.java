package dev.flightplan.cli.commands;

import picocli.CommandLine.Option;

/**
 * An action that takes exposure away: asks before it runs, and without a terminal to ask on,
 * refuses unless {@code --yes} was given.
 */
abstract class DestructiveActionCommand extends ActionCommand {
  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation (needed when stdin is not a terminal).")
  boolean yes;

  @Override
  boolean confirmed() {
    return Confirmation.obtained(
        yes,
        action() + " of " + id(),
        action() + " rollout " + id() + "? This takes its exposure away.",
        err());
  }
}

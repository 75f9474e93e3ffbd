package dev.flightplan.cli.commands;

import java.util.Locale;
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
    if (yes) {
      return true;
    }
    if (!Terminal.isInteractive()) {
      err()
          .println(
              "refused: "
                  + action()
                  + " of "
                  + id()
                  + " needs confirmation and stdin is not a terminal; add --yes");
      return false;
    }
    String answer =
        Terminal.ask(action() + " rollout " + id() + "? This takes its exposure away. [y/N] ");
    boolean ok = answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    if (!ok) {
      err().println("not confirmed; nothing changed");
    }
    return ok;
  }
}

package dev.flightplan.cli.commands;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks before a command overrides a safety: {@code --yes} answers in advance, and without a
 * terminal to ask on the command refuses rather than guess.
 */
final class Confirmation {
  private Confirmation() {}

  /**
   * True when the user agreed to {@code question}, or gave {@code --yes}. {@code what} names the
   * override in the refusal printed when stdin is not a terminal.
   */
  static boolean obtained(boolean yes, String what, String question, PrintWriter err) {
    if (yes) {
      return true;
    }
    if (!Terminal.isInteractive()) {
      err.println(
          "refused: " + what + " needs confirmation and stdin is not a terminal; add --yes");
      return false;
    }
    String answer = Terminal.ask(question + " [y/N] ");
    boolean ok = answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    if (!ok) {
      err.println("not confirmed; nothing changed");
    }
    return ok;
  }
}

package dev.flightplan.cli.commands;

import java.io.Console;
import java.io.PrintWriter;

/** Whether a person is at the keyboard: decides prompts and screen redraws. */
final class Terminal {
  private Terminal() {}

  /** True when stdin and stdout are both a terminal. */
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Since Java 22 a console exists even when redirected; isTerminal() tells them apart.
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // Java 21 returns a console only for a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** A line typed by the user after {@code prompt}; null when there is no terminal. */
  static String ask(String prompt) {
    Console console = System.console();
    return isInteractive() && console != null ? console.readLine("%s", prompt) : null;
  }

  /**
   * True once writing to {@code out} failed, e.g. its pipe closed. A writer over {@code System.out}
   * also reports the stream's own error, which a closed pipe sets.
   */
  static boolean outputClosed(PrintWriter out) {
    return out.checkError();
  }
}

package dev.flightplan.cli.commands;

import java.time.Duration;

/** Waiting between polls. */
final class Pause {
  private Pause() {}

  /** Sleeps; false when interrupted (the interrupt flag is kept). */
  static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

package dev.flightplan.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the refresh thread does next, failing after a generous bound. */
final class Eventually {
  private Eventually() {}

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }

  /** The threads the client starts, by name. */
  static long refreshThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("flightplan-flags-refresh") && t.isAlive())
        .count();
  }
}

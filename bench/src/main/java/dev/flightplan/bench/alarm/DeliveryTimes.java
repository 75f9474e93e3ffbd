package dev.flightplan.bench.alarm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When, within one alarm delivery, each rollout's rollback was stored and its exposure confirmed at
 * zero: nanoTime marks set by the timing decorators around the real adapters ({@link
 * TimedRolloutStore}, {@link TimedActuator}), read by the bench after the handler returned.
 */
final class DeliveryTimes {
  private final Map<String, Long> stored = new ConcurrentHashMap<>();
  private final Map<String, Long> atZero = new ConcurrentHashMap<>();

  void clear() {
    stored.clear();
    atZero.clear();
  }

  void stored(String rolloutId) {
    stored.putIfAbsent(rolloutId, System.nanoTime());
  }

  void atZero(String rolloutId) {
    atZero.putIfAbsent(rolloutId, System.nanoTime());
  }

  /** Nanoseconds from {@code start} to the last of {@code expected} rollbacks stored. */
  long allStoredAfter(long start, int expected) {
    return lastAfter(stored, start, expected, "stored");
  }

  /** Nanoseconds from {@code start} to the last of {@code expected} exposures confirmed at zero. */
  long allAtZeroAfter(long start, int expected) {
    return lastAfter(atZero, start, expected, "confirmed at zero");
  }

  private static long lastAfter(Map<String, Long> marks, long start, int expected, String what) {
    if (marks.size() != expected) {
      throw new IllegalStateException(
          marks.size() + " rollouts " + what + " in a delivery, expected " + expected);
    }
    return marks.values().stream().mapToLong(t -> t - start).max().orElseThrow();
  }
}

package dev.flightplan.core.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Simulated time, in UTC: it stands still until the simulation moves it, so hours of bake time pass
 * in as many steps as the simulation takes. Safe to read on other threads while one thread moves it
 * (local mode's API server reads it while its timer advances it).
 */
public final class SimulatedClock extends Clock {
  private final AtomicReference<Instant> now;

  public SimulatedClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves time on by {@code step}; returns the new time. */
  public Instant advance(Duration step) {
    return now.updateAndGet(instant -> instant.plus(step));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("simulated time is UTC");
  }
}

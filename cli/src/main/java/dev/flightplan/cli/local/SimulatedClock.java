package dev.flightplan.cli.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Local mode's time: it moves only when the timer moves it, one minute per tick, so bake times of
 * hours pass in minutes. Read by the API and the controller on several threads.
 */
final class SimulatedClock extends Clock {
  private volatile Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  synchronized Instant advance(Duration step) {
    now = now.plus(step);
    return now;
  }

  @Override
  public Instant instant() {
    return now;
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

package dev.flightplan.core.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class TestClock extends Clock {
  private Instant now;
  private final ZoneId zone;

  public TestClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private TestClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public synchronized void advance(Duration step) {
    now = now.plus(step);
  }

  public synchronized void set(Instant instant) {
    now = instant;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new TestClock(instant(), other);
  }
}

package dev.flightplan.core.port;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One shard of one tick: the piece of work a dispatched message carries to a worker. The minute is
 * the tick's scheduled minute, so a redelivered message names the same work (and finds it done).
 */
public record ShardTick(Instant minute, int shard) {
  public ShardTick {
    if (minute == null || !minute.equals(minute.truncatedTo(ChronoUnit.MINUTES))) {
      throw new IllegalArgumentException("minute must be a whole minute, got " + minute);
    }
    if (shard < 0) {
      throw new IllegalArgumentException("shard must be 0 or more, got " + shard);
    }
  }
}

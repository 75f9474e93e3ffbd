package dev.flightplan.core.service;

import dev.flightplan.core.port.ShardTick;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A worker of the fanned-out tick (docs/design.md §1.4): runs one shard of one minute, at most once
 * however often it is delivered ({@link Tick#runShard}). Work for a minute more than {@link
 * #MAX_AGE} old is stale and not done: the next tick covers the shard.
 */
public final class ShardWorker {
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final Tick tick;
  private final Clock clock;

  public ShardWorker(Tick tick, Clock clock) {
    this.tick = tick;
    this.clock = clock;
  }

  /**
   * The shard's report; empty when the minute is stale.
   *
   * @throws IllegalArgumentException when the shard is not one of the store's due shards
   */
  public Optional<TickReport> run(ShardTick work) {
    if (isStale(work)) {
      return Optional.empty();
    }
    return Optional.of(tick.runShard(work.minute(), work.shard()));
  }

  public boolean isStale(ShardTick work) {
    return Duration.between(work.minute(), clock.instant()).compareTo(MAX_AGE) > 0;
  }
}

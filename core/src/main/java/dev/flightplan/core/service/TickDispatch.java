package dev.flightplan.core.service;

import dev.flightplan.core.port.ShardDispatcher;
import dev.flightplan.core.port.ShardTick;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scheduled controller when the tick fans out (docs/design.md §1.4): it hands every due shard
 * of the minute to the workers, then sends the digests due, which need every rollout of a topic. It
 * evaluates nothing itself. Sending a minute again (the Scheduler's retry) is harmless: a worker
 * runs each shard of a minute once.
 */
public final class TickDispatch {
  private final Tick tick;
  private final ShardDispatcher dispatcher;
  private final Clock clock;

  public TickDispatch(Tick tick, ShardDispatcher dispatcher, Clock clock) {
    this.tick = tick;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** What one dispatch did: the minute, how many shards went out, how many digests. */
  public record Report(Instant minute, int shards, int digests, Duration duration) {}

  public Report dispatch(Instant scheduledAt) {
    Instant started = clock.instant();
    Instant minute = scheduledAt.truncatedTo(ChronoUnit.MINUTES);
    List<ShardTick> shards =
        IntStream.range(0, tick.dueShards()).mapToObj(s -> new ShardTick(minute, s)).toList();
    dispatcher.dispatch(shards);
    int digests = tick.sendDigests();
    return new Report(minute, shards.size(), digests, Duration.between(started, clock.instant()));
  }
}

package dev.flightplan.core.service;

/**
 * How much of a tick runs at once (docs/design.md §4.7): due shards read in parallel, and rollouts
 * written and settled in parallel, each rollout by one thread only. Both wait on the network, so
 * the bounds are about what the services take well, not about cores.
 *
 * @param shardReaders due shards read at once
 * @param rolloutWorkers rollouts decided, written and settled at once
 */
public record TickConcurrency(int shardReaders, int rolloutWorkers) {
  /** 8 shard readers (half the default 16 shards per round), 16 rollout workers. */
  public static final TickConcurrency DEFAULT = new TickConcurrency(8, 16);

  /** Everything in the caller's thread, one after another. */
  public static final TickConcurrency SEQUENTIAL = new TickConcurrency(1, 1);

  public TickConcurrency {
    if (shardReaders < 1 || rolloutWorkers < 1) {
      throw new IllegalArgumentException(
          "shard readers and rollout workers must be at least 1: "
              + shardReaders
              + ", "
              + rolloutWorkers);
    }
  }
}

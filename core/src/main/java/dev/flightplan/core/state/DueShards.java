package dev.flightplan.core.state;

/**
 * Which shard of the due index a rollout belongs to: a pure function of its id, so every reader and
 * writer agrees without coordination. {@link String#hashCode} is specified by the language, so the
 * answer is the same on every JVM. The number of shards may be raised but never lowered: a rollout
 * stored in a shard at or above a lowered count would no longer be read.
 */
public final class DueShards {
  private DueShards() {}

  /** The shard of {@code rolloutId} among {@code count} shards, in {@code [0, count)}. */
  public static int of(String rolloutId, int count) {
    requireCount(count);
    return Math.floorMod(rolloutId.hashCode(), count);
  }

  /** Fails unless {@code count} is a usable number of shards. */
  public static int requireCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("the number of due shards must be at least 1: " + count);
    }
    return count;
  }

  /** Fails unless {@code shard} is one of {@code count} shards. */
  public static int requireShard(int shard, int count) {
    if (shard < 0 || shard >= count) {
      throw new IllegalArgumentException(
          "due shard " + shard + " is outside 0.." + (count - 1) + " (" + count + " shards)");
    }
    return shard;
  }
}

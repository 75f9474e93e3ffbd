package dev.flightplan.core.state;

/**
 * Which shard of the due index a rollout belongs to: a pure function of its id, so every reader and
 * writer agrees without coordination. {@link String#hashCode} is specified by the language, so the
 * answer is the same on every JVM; its bits are mixed first (MurmurHash3's finalizer), because ids
 * that differ only in their last characters, as generated ids do, differ only in the hash's low
 * bits and would fill a few shards and leave the rest empty. The number of shards may be raised but
 * never lowered: a rollout stored in a shard at or above a lowered count would no longer be read.
 */
public final class DueShards {
  private DueShards() {}

  /** The shard of {@code rolloutId} among {@code count} shards, in {@code [0, count)}. */
  public static int of(String rolloutId, int count) {
    requireCount(count);
    return Math.floorMod(mixed(rolloutId.hashCode()), count);
  }

  private static int mixed(int hash) {
    int h = hash;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
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

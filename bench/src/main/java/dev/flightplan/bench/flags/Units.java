package dev.flightplan.bench.flags;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Unit ids for the flag benchmarks: random version-4 UUID strings, the usual shape of a user id,
 * made up front and handed out in turn so no benchmark measures making them. The seed is fixed, so
 * every run and every client sees the same units.
 */
public final class Units {
  /** A power of two, so the next index is a mask rather than a division. */
  public static final int COUNT = 1_024;

  private static final long SEED = 20_240_601L;

  private final String[] ids;
  private int next;

  private Units(String[] ids) {
    this.ids = ids;
  }

  public static Units uuids() {
    return new Units(randomUuids(COUNT, SEED));
  }

  /** The next unit, wrapping around after the last. */
  public String next() {
    String id = ids[next];
    next = (next + 1) & (COUNT - 1);
    return id;
  }

  public String get(int index) {
    return ids[index];
  }

  public static String[] randomUuids(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      // Version 4, IETF variant: what UUID.randomUUID() makes, from a seeded source.
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
      ids[i] = new UUID(high, low).toString();
    }
    return ids;
  }
}

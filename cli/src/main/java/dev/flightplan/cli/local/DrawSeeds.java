package dev.flightplan.cli.local;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One independent random stream per run seed, rollout, metric, variant and period: every part is
 * folded in through a strong 64-bit mixer, so seeds that differ in one part (the next minute, the
 * other variant) give unrelated streams. Nearby seeds of {@code java.util.Random} give nearly the
 * same first draws, which made consecutive simulated minutes move together.
 */
final class DrawSeeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private DrawSeeds() {}

  static RandomGenerator stream(
      long runSeed, String rollout, String metric, String variant, long periodStart) {
    return new SplittableRandom(seed(runSeed, rollout, metric, variant, periodStart));
  }

  static long seed(long runSeed, String rollout, String metric, String variant, long periodStart) {
    long h = mix64(runSeed + GOLDEN_GAMMA);
    h = absorb(h, hash(rollout));
    h = absorb(h, hash(metric));
    h = absorb(h, hash(variant));
    return absorb(h, periodStart);
  }

  private static long absorb(long h, long part) {
    return mix64((h ^ part) + GOLDEN_GAMMA);
  }

  /** FNV-1a over the UTF-16 code units, 64 bits. */
  private static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finalizer (Stafford's variant 13): every input bit flips half the output. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

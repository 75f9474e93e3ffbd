package dev.flightplan.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Places a unit (user id, account id…) in one of 10,000 buckets for one flag (docs/design.md §6):
 *
 * <pre>
 * bucket = unsigned(murmur3_x86_32(UTF-8(flagKey + ":" + salt + ":" + unit), seed 0)) mod 10000
 * </pre>
 *
 * A unit is exposed by percentage when {@code bucket < basisPoints}, so raising the percentage
 * keeps everyone already exposed. The endpoint, the Java client and the OpenFeature provider all
 * run this class; {@code bucketing-vectors.json} pins it to an independent implementation.
 *
 * <p>The hash is {@link MurmurHash3#hash32x86(byte[], int, int, int)} from Apache Commons Codec,
 * the reference MurmurHash3_x86_32 that other languages' murmur3 libraries implement. Not the
 * deprecated {@code MurmurHash3.hash32} methods: their short forms default to seed 104729, and all
 * of them sign-extend tail bytes of 0x80 and above (CODEC-267), so non-ASCII units would land in
 * other buckets than in every other client.
 *
 * <p>Threads: a {@code Bucketer} is immutable and safe to share. It hashes {@code flagKey:salt:}
 * once ({@link Murmur3Prefix}). An ASCII unit (UUIDs, numeric and most account ids) is then hashed
 * straight from the string; any other is encoded into a per-thread scratch buffer, so a call
 * allocates nothing once its thread has a buffer (a virtual thread gets its own small one). A very
 * long unit, whose worst-case UTF-8 size passes {@value #MAX_SCRATCH_BYTES} bytes, uses a one-off
 * array instead.
 */
public final class Bucketer {
  public static final int BUCKETS = 10_000;
  private static final int SEED = 0;
  private static final int MAX_SCRATCH_BYTES = 4096;
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

  private final Murmur3Prefix prefix;

  private Bucketer(Murmur3Prefix prefix) {
    this.prefix = prefix;
  }

  /** A bucketer for one flag; build it once per flag and salt, and reuse it. */
  public static Bucketer of(String flagKey, String salt) {
    Objects.requireNonNull(flagKey, "flagKey");
    Objects.requireNonNull(salt, "salt");
    return new Bucketer(Murmur3Prefix.of(joined(flagKey, salt, "")));
  }

  /** The unit's bucket in {@code 0..9999}. */
  public int bucket(String unit) {
    return bucketOf(hash(unit));
  }

  /** The raw murmur3 hash of this flag's input for {@code unit}; read it as unsigned. */
  public int hash(String unit) {
    Objects.requireNonNull(unit, "unit");
    long ascii = prefix.hashAscii(unit);
    if (ascii != Murmur3Prefix.NOT_ASCII) {
      return (int) ascii;
    }
    byte[] buf = scratch(Murmur3Prefix.MAX_LEFTOVER + Utf8.MAX_BYTES_PER_CHAR * unit.length());
    int end = Utf8.encode(unit, buf, prefix.copyLeftover(buf));
    return prefix.hash(buf, end);
  }

  /** True when a unit in {@code bucket} is inside a rollout of {@code basisPoints}. */
  public static boolean exposed(int bucket, int basisPoints) {
    return bucket < basisPoints;
  }

  /**
   * The same bucket computed the plain way, for one-off calls and as the tests' reference:
   * thread-safe, but it allocates the joined input.
   */
  public static int bucket(String flagKey, String salt, String unit) {
    byte[] input = joined(flagKey, salt, unit);
    return bucketOf(MurmurHash3.hash32x86(input, 0, input.length, SEED));
  }

  /** The bucket of a hash, taking it as an unsigned 32-bit number. */
  public static int bucketOf(int hash) {
    return Integer.remainderUnsigned(hash, BUCKETS);
  }

  private static byte[] joined(String flagKey, String salt, String unit) {
    return (flagKey + ":" + salt + ":" + unit).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] scratch(int need) {
    byte[] buf = SCRATCH.get();
    if (need <= buf.length) {
      return buf;
    }
    if (need > MAX_SCRATCH_BYTES) {
      return new byte[need]; // a rare huge id must not pin a huge buffer to the thread
    }
    buf = new byte[Math.min(MAX_SCRATCH_BYTES, Math.max(need, 2 * buf.length))];
    SCRATCH.set(buf);
    return buf;
  }
}

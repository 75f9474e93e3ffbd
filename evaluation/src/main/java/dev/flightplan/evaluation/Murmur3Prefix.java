package dev.flightplan.evaluation;

import java.util.Arrays;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * MurmurHash3_x86_32 (seed 0) of a fixed prefix followed by other bytes, without hashing the prefix
 * again on every call: a flag's {@code flagKey:salt:} is often half of what is hashed.
 *
 * <p>Murmur3 folds its input into a running state four bytes at a time and ends with {@code
 * fmix32(state ^ totalLength)}. Commons Codec's {@code hash32x86} starts from its seed as that
 * state, so seeding it with the state after the prefix's whole blocks hashes the rest exactly,
 * except that it mixes in the rest's length instead of the total. {@code fmix32} is a bijection, so
 * undoing it and redoing it with the total length gives the hash of the whole input. The library
 * still does every block and tail step; this class only swaps the length. Tests hold it to the
 * plain {@code hash32x86} call on arbitrary inputs.
 *
 * <p>{@link #hashAscii} is the one exception, for speed: an ASCII unit's UTF-8 bytes are its chars,
 * so it folds them in straight from the string, with no buffer and no copy, by Murmur3's own block
 * and tail steps (the reference algorithm's few lines, below). Tests hold it to the library too.
 */
final class Murmur3Prefix {
  /** At most this many prefix bytes are left over after its whole four-byte blocks. */
  static final int MAX_LEFTOVER = 3;

  /** What {@link #hashAscii} answers for a string that is not all ASCII. */
  static final long NOT_ASCII = -1L;

  private static final int C1 = 0xCC9E2D51;
  private static final int C2 = 0x1B873593;

  private final int state;
  private final int consumed;
  private final byte[] leftover;

  /** The leftover bytes as the low bytes of Murmur3's next little-endian block. */
  private final int leftoverWord;

  private Murmur3Prefix(int state, int consumed, byte[] leftover) {
    this.state = state;
    this.consumed = consumed;
    this.leftover = leftover;
    int word = 0;
    for (int i = 0; i < leftover.length; i++) {
      word |= (leftover[i] & 0xFF) << (8 * i);
    }
    this.leftoverWord = word;
  }

  static Murmur3Prefix of(byte[] prefix) {
    int consumed = prefix.length & ~3;
    // Over whole blocks only, hash32x86 returns fmix32(state ^ consumed): undo both steps.
    int state = unfmix32(MurmurHash3.hash32x86(prefix, 0, consumed, 0)) ^ consumed;
    return new Murmur3Prefix(state, consumed, Arrays.copyOfRange(prefix, consumed, prefix.length));
  }

  /**
   * Writes the prefix's last {@code 0..3} bytes, which no block has taken yet, at {@code dst[0]};
   * the caller appends its own bytes after them. Returns how many were written.
   */
  int copyLeftover(byte[] dst) {
    for (int i = 0; i < leftover.length; i++) {
      dst[i] = leftover[i];
    }
    return leftover.length;
  }

  /**
   * The hash of the prefix then the rest; {@code data[0..length)} is the leftover, then the rest.
   */
  int hash(byte[] data, int length) {
    int withRestLength = MurmurHash3.hash32x86(data, 0, length, state);
    return fmix32(unfmix32(withRestLength) ^ length ^ (consumed + length));
  }

  /**
   * The hash of the prefix then {@code unit}'s UTF-8 bytes, as an unsigned value, when every char
   * of {@code unit} is ASCII; {@link #NOT_ASCII} otherwise, and the caller encodes it instead.
   */
  long hashAscii(String unit) {
    int h = state;
    int word = leftoverWord;
    int filled = leftover.length;
    int seen = 0;
    int length = unit.length();
    for (int i = 0; i < length; i++) {
      char c = unit.charAt(i);
      seen |= c;
      word |= c << (8 * filled);
      if (++filled == 4) {
        h = block(h, word);
        word = 0;
        filled = 0;
      }
    }
    if (seen >= 0x80) {
      return NOT_ASCII; // the folded words were wrong for such chars: discard them
    }
    if (filled > 0) {
      h ^= Integer.rotateLeft(word * C1, 15) * C2;
    }
    return fmix32(h ^ (consumed + leftover.length + length)) & 0xFFFF_FFFFL;
  }

  /** Murmur3_x86_32's step for one four-byte block. */
  private static int block(int h, int word) {
    h ^= Integer.rotateLeft(word * C1, 15) * C2;
    return Integer.rotateLeft(h, 13) * 5 + 0xE6546B64;
  }

  /** Murmur3's finaliser, as in the reference implementation. */
  static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** The inverse of {@link #fmix32}: its steps undone in reverse order. */
  static int unfmix32(int h) {
    h ^= h >>> 16;
    h *= 0x7ED1B41D; // 0xC2B2AE35 * 0x7ED1B41D == 1 (mod 2^32)
    h ^= (h >>> 13) ^ (h >>> 26);
    h *= 0xA5CB9243; // 0x85EBCA6B * 0xA5CB9243 == 1 (mod 2^32)
    return h ^ (h >>> 16);
  }
}

package dev.flightplan.evaluation;

/**
 * Encodes a string as UTF-8 into a caller's array, so the hot bucketing path allocates nothing. The
 * bytes are exactly those of {@code s.getBytes(StandardCharsets.UTF_8)}, including its replacement
 * of an unpaired surrogate by {@code '?'}; a property test holds it to that.
 */
final class Utf8 {
  /** A UTF-16 char never takes more than three UTF-8 bytes (a surrogate pair takes four). */
  static final int MAX_BYTES_PER_CHAR = 3;

  private Utf8() {}

  /**
   * Writes {@code s} at {@code dst[off]}; {@code dst} must have room for {@code MAX_BYTES_PER_CHAR
   * * s.length()} bytes. Returns the index after the last byte written.
   */
  static int encode(String s, byte[] dst, int off) {
    return isAscii(s) ? copyAscii(s, dst, off) : encodeAny(s, dst, off);
  }

  // Ids are nearly always ASCII. Two branch-free loops (test, then copy) are what the JIT turns
  // into the fastest code; one loop that tests and copies measured about 20 % slower.
  private static boolean isAscii(String s) {
    int seen = 0;
    for (int i = 0; i < s.length(); i++) {
      seen |= s.charAt(i);
    }
    return seen < 0x80;
  }

  private static int copyAscii(String s, byte[] dst, int off) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      dst[off + i] = (byte) s.charAt(i);
    }
    return off + n;
  }

  private static int encodeAny(String s, byte[] dst, int off) {
    int p = off;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        dst[p++] = (byte) c;
      } else if (c < 0x800) {
        dst[p++] = (byte) (0xC0 | (c >> 6));
        dst[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        p = three(c, dst, p);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        p = four(Character.toCodePoint(c, s.charAt(++i)), dst, p);
      } else {
        dst[p++] = '?'; // what String.getBytes(UTF_8) writes for a lone surrogate
      }
    }
    return p;
  }

  private static int three(char c, byte[] dst, int p) {
    dst[p] = (byte) (0xE0 | (c >> 12));
    dst[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3F));
    dst[p + 2] = (byte) (0x80 | (c & 0x3F));
    return p + 3;
  }

  private static int four(int cp, byte[] dst, int p) {
    dst[p] = (byte) (0xF0 | (cp >> 18));
    dst[p + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    dst[p + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    dst[p + 3] = (byte) (0x80 | (cp & 0x3F));
    return p + 4;
  }
}

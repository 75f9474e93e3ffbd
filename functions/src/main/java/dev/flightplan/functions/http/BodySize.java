package dev.flightplan.functions.http;

/** Body sizes in bytes, counted without copying the body. */
final class BodySize {
  private BodySize() {}

  static long of(String body, boolean base64) {
    return base64 ? decodedBase64(body) : utf8(body);
  }

  /** Bytes of a base64 text once decoded: six bits per symbol, padding and line breaks aside. */
  private static long decodedBase64(String text) {
    long symbols = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '=' && !Character.isWhitespace(c)) {
        symbols++;
      }
    }
    return symbols * 3 / 4;
  }

  private static long utf8(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        // A surrogate pair is one code point of four bytes.
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}

package dev.flightplan.functions.http;

/**
 * Free text callers send (a command's reason, query values). It reaches the history, notifications,
 * logs and terminals, so it must stay plain text there: no control characters (C0, DEL, C1), no
 * line or paragraph separators, no bidirectional embeddings, overrides or isolates, and well-formed
 * Unicode (no lone surrogate, which no store can write back).
 */
public final class FreeText {
  static final String HINT =
      "send plain text: no control characters, line breaks or bidirectional formatting";

  private FreeText() {}

  /**
   * Refuses {@code value} of the request field {@code field} (400 naming it) when it is longer than
   * {@code maxLength} characters or holds a character free text may not.
   */
  public static void require(String field, String value, int maxLength) {
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw ProblemResponses.invalidField(
          field,
          "is " + length + " characters long; at most " + maxLength + " are accepted",
          "shorten it");
    }
    int at = firstForbidden(value);
    if (at >= 0) {
      throw ProblemResponses.invalidField(
          field, "contains " + describe(value.charAt(at)) + " at character " + (at + 1), HINT);
    }
  }

  /** Where the first character free text may not hold is; -1 when there is none. */
  public static int firstForbidden(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isPair(value, i)) {
        i++;
      } else if (Character.isSurrogate(c) || isFormatting(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Where the first lone surrogate is; -1 when the text is well-formed Unicode. */
  public static int firstLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (isPair(value, i)) {
        i++;
      } else if (Character.isSurrogate(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Control characters, line and paragraph separators, and bidirectional formatting. */
  static boolean isFormatting(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** e.g. {@code U+001B}. */
  static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }

  private static boolean isPair(String value, int i) {
    return Character.isHighSurrogate(value.charAt(i))
        && i + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(i + 1));
  }
}

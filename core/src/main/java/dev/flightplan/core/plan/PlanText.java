package dev.flightplan.core.plan;

/**
 * Free text in plans, and input quoted in messages. Text that reaches terminals, logs and
 * notifications may not hold control characters (C0, DEL, C1), line and paragraph separators
 * (U+2028, U+2029), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) or lone
 * surrogates. A message quotes at most {@link #EXCERPT} characters of an input, with such
 * characters escaped.
 */
final class PlanText {
  static final int EXCERPT = 40;
  static final String HINT = "use printable characters on one line, without control characters";

  private PlanText() {}

  /** What is wrong with {@code text} as free text of at most {@code max} characters, or null. */
  static String problem(String text, int max) {
    if (text.length() > max) {
      int length = text.codePointCount(0, text.length());
      if (length > max) {
        return "is " + length + " characters long; at most " + max;
      }
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isRefused(c)) {
        return "contains the control character " + codePoint(c) + " at position " + (i + 1);
      }
      if (Character.isSurrogate(c)) {
        if (!isPairAt(text, i)) {
          return "contains a lone surrogate " + codePoint(c) + " at position " + (i + 1);
        }
        i++;
      }
    }
    return null;
  }

  /** {@code `text`}, cut to {@link #EXCERPT} characters and escaped. */
  static String quote(String text) {
    return "`" + excerpt(text, EXCERPT) + "`";
  }

  /** {@code text} cut to {@code max} code points ("…" marks the cut) with control escaped. */
  static String excerpt(String text, int max) {
    boolean cut = text.codePointCount(0, text.length()) > max;
    String head = cut ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
    StringBuilder out = new StringBuilder(head.length() + 8);
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (isRefused(c) || (Character.isSurrogate(c) && !isPairAt(head, i))) {
        out.append(String.format("\\u%04X", (int) c));
      } else if (Character.isHighSurrogate(c)) {
        out.append(c).append(head.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return cut ? out.append('…').toString() : out.toString();
  }

  static boolean isRefused(char c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= '\u2028' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** The first character of a plan text that may not appear in it raw, even outside values. */
  static Raw firstRawRefused(String text) {
    int line = 1;
    int column = 1;
    for (int i = 0, index = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      char c = text.charAt(i);
      if (isRefused(c) && c != '\t' && c != '\n' && c != '\r') {
        return new Raw(index, line, column, codePoint(c));
      }
      line += c == '\n' ? 1 : 0;
      column = c == '\n' ? 1 : column + 1;
      index++;
    }
    return null;
  }

  /** A character at code point {@code index}, on {@code line} and {@code column} (from 1). */
  record Raw(int index, int line, int column, String character) {
    String where() {
      return "line " + line + ", column " + column + ": ";
    }
  }

  private static boolean isPairAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}

package dev.flightplan.functions.http;

/**
 * Caller input quoted in an error message: at most a few dozen characters, with control and
 * formatting characters shown as {@code \u001B}, so an answer never grows with the input and never
 * carries escape sequences to whoever reads it.
 */
public final class Excerpt {
  static final int DEFAULT_LENGTH = 40;

  private Excerpt() {}

  public static String of(String value) {
    return of(value, DEFAULT_LENGTH);
  }

  public static String of(String value, int maxLength) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder shown = new StringBuilder();
    int end = Math.min(value.length(), maxLength);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (FreeText.isFormatting(c) || Character.isSurrogate(c)) {
        shown.append(String.format("\\u%04X", (int) c));
      } else {
        shown.append(c);
      }
    }
    if (end < value.length()) {
      shown.append("… (").append(value.length()).append(" characters)");
    }
    return shown.toString();
  }
}

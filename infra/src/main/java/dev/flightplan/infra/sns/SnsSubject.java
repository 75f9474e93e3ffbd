package dev.flightplan.infra.sns;

import java.text.Normalizer;
import java.util.Map;

/**
 * Makes a notification subject acceptable to SNS, which rejects a Publish whose subject is not
 * printable ASCII, holds a line break, or is not shorter than 100 characters. Email subscriptions
 * show it as the mail subject, so it is kept readable rather than escaped: accents are dropped
 * ({@code é} → {@code e}), common symbols get ASCII spellings ({@code ≥} → {@code >=}), runs of
 * whitespace and control characters become one space, and a subject that is too long is cut at a
 * word boundary and ends in {@code ...}.
 */
public final class SnsSubject {
  /** The Publish API reference asks for "less than 100 characters". */
  public static final int MAX_LENGTH = 99;

  private static final String ELLIPSIS = "...";

  /** Symbols that NFKD leaves alone but readers expect in a subject about metrics. */
  private static final Map<Integer, String> SPELLINGS =
      Map.ofEntries(
          Map.entry((int) '≥', ">="),
          Map.entry((int) '≤', "<="),
          Map.entry((int) '≠', "!="),
          Map.entry((int) '→', "->"),
          Map.entry((int) '←', "<-"),
          Map.entry((int) '×', "x"),
          Map.entry((int) '±', "+/-"),
          Map.entry((int) '–', "-"),
          Map.entry((int) '—', "-"),
          Map.entry((int) '‘', "'"),
          Map.entry((int) '’', "'"),
          Map.entry((int) '“', "\""),
          Map.entry((int) '”', "\""),
          Map.entry((int) 'µ', "u"),
          Map.entry((int) 'μ', "u"),
          Map.entry((int) 'ß', "ss"),
          Map.entry((int) '€', "EUR"));

  private SnsSubject() {}

  /** A subject SNS accepts; {@code fallback} (itself sanitised) when nothing printable is left. */
  public static String of(String subject, String fallback) {
    String text = ascii(subject == null ? "" : subject);
    if (text.isEmpty()) {
      text = ascii(fallback == null ? "" : fallback);
    }
    return truncate(text);
  }

  private static String ascii(String raw) {
    // Symbols first: NFKD would turn "≠" into "=" plus a combining mark, which is then dropped.
    // NFKD then splits "é" into "e" and an accent, and spells out "…" and ligatures.
    String decomposed = Normalizer.normalize(spellSymbols(raw), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean space = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (isBlank(cp)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(cp > ' ' && cp < 0x7f ? (char) cp : '?');
    }
    return out.toString();
  }

  private static String spellSymbols(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints().forEach(cp -> out.append(SPELLINGS.getOrDefault(cp, Character.toString(cp))));
    return out.toString();
  }

  private static boolean isBlank(int cp) {
    return Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp);
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int limit = MAX_LENGTH - ELLIPSIS.length();
    int cut = text.lastIndexOf(' ', limit);
    // Cut at a word only when that keeps most of the room; a long token is cut where it is.
    if (cut < limit * 3 / 4) {
      cut = limit;
    }
    return text.substring(0, cut).stripTrailing() + ELLIPSIS;
  }
}

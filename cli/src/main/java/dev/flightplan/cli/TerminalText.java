package dev.flightplan.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Text that came from elsewhere — the API, a request, a plan file — made safe to print on a
 * terminal or in a log line: control characters (C0, DEL, C1), the bidirectional overrides and
 * isolates, and the Unicode line separators are shown as escapes ({@code \n}, {@code \x1b}, {@code
 * \u202e}) instead of moving the cursor, forging a line or reordering what follows. Backslashes
 * stay as they are, so escaping twice changes nothing.
 */
public final class TerminalText {
  /** For JSON printed on a terminal: DEL, C1 and the bidi controls escaped as {@code \\uXXXX}. */
  public static final CharacterEscapes JSON_ESCAPES = new JsonEscapes();

  private TerminalText() {}

  /** {@code text} with every character a terminal would act on escaped; null stays null. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!acts(c)) {
        if (escaped != null) {
          escaped.append(c);
        }
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      escaped.append(escapeOf(c));
    }
    return escaped == null ? text : escaped.toString();
  }

  /** Whether a terminal would act on {@code c} rather than show it. */
  public static boolean acts(char c) {
    return Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029';
  }

  private static boolean isBidiControl(char c) {
    return c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String escapeOf(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    };
  }

  /** Jackson escapes C0 itself; this adds DEL, C1 and the bidi controls. */
  private static final class JsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    JsonEscapes() {
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch > Character.MAX_VALUE || !acts((char) ch)) {
        return null;
      }
      return new SerializedString(String.format("\\u%04x", ch));
    }
  }
}

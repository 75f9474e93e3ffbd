package dev.flightplan.functions.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text of a request body. Bodies are UTF-8: another declared {@code charset} is refused (415),
 * and bytes that are not UTF-8 are refused (400) rather than read with replacement characters, so
 * what is stored is exactly what was sent.
 */
final class BodyText {
  static final String SUPPORTED_CHARSET = "utf-8";

  private BodyText() {}

  /**
   * @param raw the body as the event carries it: text, or base64 when {@code base64}
   */
  static String decode(String raw, boolean base64, String contentType) {
    requireUtf8(contentType);
    if (!base64) {
      int at = FreeText.firstLoneSurrogate(raw);
      if (at >= 0) {
        throw ProblemResponses.badRequest(
            "the body is not valid UTF-8: a lone surrogate at character " + (at + 1));
      }
      return raw;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(raw);
    } catch (IllegalArgumentException e) {
      throw ProblemResponses.badRequest("the body is marked base64 but is not: " + e.getMessage());
    }
    return utf8(bytes);
  }

  /** A {@code charset} parameter, when there is one, must name UTF-8. */
  static void requireUtf8(String contentType) {
    if (contentType == null) {
      return;
    }
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
        String charset = unquoted(parameter[1].strip());
        if (!isUtf8(charset)) {
          throw ProblemResponses.of(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "charset "
                  + Excerpt.of(charset)
                  + " is not supported; send the body as "
                  + SUPPORTED_CHARSET
                  + " (charset="
                  + SUPPORTED_CHARSET
                  + ", or no charset)");
        }
      }
    }
  }

  private static String utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw ProblemResponses.badRequest(
          "the body is not valid UTF-8: byte " + (in.position() + 1) + " cannot be read");
    }
    return out.flip().toString();
  }

  /** {@code utf-8} or one of its registered aliases ({@code UTF8}); nothing else is looked up. */
  private static boolean isUtf8(String name) {
    try {
      return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // An illegal charset name: not UTF-8.
      return false;
    }
  }

  private static String unquoted(String value) {
    boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}

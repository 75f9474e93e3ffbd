package dev.flightplan.functions.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The path of a request as the caller sent it (API Gateway's {@code path} keeps the percent
 * escapes): split at its slashes first, then each segment percent-decoded exactly once. An encoded
 * slash is part of its segment's value, never a separator; nothing is trimmed but one trailing
 * slash ({@code /rollouts/x/} is {@code /rollouts/x}).
 */
final class RequestPath {
  private RequestPath() {}

  /**
   * The decoded segments of {@code path}; {@code /} has none.
   *
   * @throws HttpProblem 400 when an escape is malformed or the bytes are not UTF-8
   */
  static List<String> segments(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return List.of();
    }
    String rest = path.startsWith("/") ? path.substring(1) : path;
    rest = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    List<String> segments = new ArrayList<>();
    for (String raw : rest.split("/", -1)) {
      segments.add(decode(raw, path));
    }
    return segments;
  }

  /** One segment, decoded once; a plus sign stays a plus sign. */
  static String decode(String segment, String path) {
    if (FreeText.firstLoneSurrogate(segment) >= 0) {
      throw refused(path, "is not well-formed Unicode");
    }
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    int plainFrom = 0;
    for (int i = segment.indexOf('%'); i >= 0; i = segment.indexOf('%', plainFrom)) {
      bytes.writeBytes(segment.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
      bytes.write(escapedByte(segment, i, path));
      plainFrom = i + 3;
    }
    bytes.writeBytes(segment.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
    return utf8(bytes.toByteArray(), path);
  }

  private static int escapedByte(String segment, int at, String path) {
    int high = at + 1 < segment.length() ? hexDigit(segment.charAt(at + 1)) : -1;
    int low = at + 2 < segment.length() ? hexDigit(segment.charAt(at + 2)) : -1;
    if (high < 0 || low < 0) {
      throw refused(path, "has a '%' that is not followed by two hexadecimal digits");
    }
    return high * 16 + low;
  }

  /** ASCII hexadecimal digits only ({@link Character#digit} takes other scripts' digits too). */
  private static int hexDigit(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }

  private static String utf8(byte[] bytes, String path) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    if (decoder.decode(ByteBuffer.wrap(bytes), out, true).isError()) {
      throw refused(path, "is not UTF-8 once percent-decoded");
    }
    return out.flip().toString();
  }

  private static HttpProblem refused(String path, String why) {
    return ProblemResponses.badRequest("the path " + Excerpt.of(path, 100) + " " + why);
  }
}

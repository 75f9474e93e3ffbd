package dev.flightplan.cli.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a request line and body, read without guessing. The JDK server hands over the request
 * line one character per byte (ISO-8859-1), so every character here stands for one byte sent.
 */
final class RequestText {
  private RequestText() {}

  /**
   * The path as sent, still percent-encoded; a raw byte above ASCII is percent-encoded too, so that
   * the handler's one decoding sees the bytes the client sent.
   */
  static String rawPath(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x80) {
        path.append(c);
      } else {
        path.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return path.toString();
  }

  /**
   * The query parameters, decoded once as API Gateway does ({@code +} is a space); null when none.
   *
   * @throws IllegalArgumentException for a broken percent-escape or bytes that are not UTF-8
   */
  static Map<String, List<String>> query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String name = decode(kv[0]);
      String value = kv.length > 1 ? decode(kv[1]) : "";
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length() || !isHex(encoded.charAt(i + 1), encoded.charAt(i + 2))) {
          throw new IllegalArgumentException(
              "the query string has a '%' that is not followed by two hex digits");
        }
        bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c == '+' ? ' ' : c);
      }
    }
    byte[] decoded = bytes.toByteArray();
    if (!isUtf8(decoded)) {
      throw new IllegalArgumentException("the query string is not UTF-8 once decoded");
    }
    return utf8(decoded);
  }

  private static boolean isHex(char a, char b) {
    return HexFormat.isHexDigit(a) && HexFormat.isHexDigit(b);
  }

  /** Whether {@code bytes} are well-formed UTF-8 (no overlong forms, no surrogates). */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The {@code charset} parameter of a lower-cased media type, unquoted; null when none. */
  static String charset(String mediaType) {
    String[] parts = mediaType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equals("charset")) {
        return parameter[1].strip().replace("\"", "");
      }
    }
    return null;
  }
}

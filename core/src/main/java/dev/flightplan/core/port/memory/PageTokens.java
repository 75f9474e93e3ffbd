package dev.flightplan.core.port.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque page tokens holding a position in a sort order: an instant and an id. A position, not an
 * offset, so items that change while a caller pages are neither skipped nor repeated.
 */
record PageTokens(Instant at, String id) {

  String encode() {
    String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(UTF8));
  }

  static PageTokens decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), UTF8);
      String[] parts = raw.split(":", 3);
      return new PageTokens(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a page token from this store: " + token, e);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}

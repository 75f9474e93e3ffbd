package dev.flightplan.infra.sns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Message group and deduplication ids for FIFO topics: at most 128 characters of ASCII letters,
 * digits and punctuation. Rollout and notification ids normally qualify as they are and are kept
 * readable; anything else is replaced by its SHA-256, which is still stable across resends.
 */
final class FifoIds {
  static final int MAX_LENGTH = 128;

  private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private FifoIds() {}

  static String of(String id) {
    if (id != null && ALLOWED.matcher(id).matches()) {
      return id;
    }
    return sha256(id == null ? "" : id);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

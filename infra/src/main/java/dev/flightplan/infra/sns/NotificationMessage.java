package dev.flightplan.infra.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.state.Notification;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SNS message body: one JSON object per notification, for programs (chat bots, pagers,
 * dashboards) to read. The shape is a published contract; fields are only ever added, and {@code
 * schemaVersion} goes up only if one had to change meaning.
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "id": "new-search-algorithm:7",          // unique, stable across resends: dedupe on it
 *   "rolloutId": "new-search-algorithm",
 *   "eventType": "ROLLBACK",                  // START, ADVANCE, PAUSE, ROLLBACK, COMPLETE...
 *   "severity": "CRITICAL",                   // INFO, WARNING, CRITICAL
 *   "subject": "[ROLLBACK] new-search-algorithm: error_rate 6.2% > 5% for 10m",
 *   "message": "Rollout new-search-algorithm: ...\nStatus: RUNNING -> ROLLED_BACK\n...",
 *   "values": {"error_rate": 6.2},            // observed values, keys sorted; NaN/Inf as null
 *   "at": "2026-03-31T09:12:00Z"              // ISO-8601, UTC
 * }
 * }</pre>
 *
 * <p>{@code subject} is the full text as the core wrote it (Unicode, any length); the SNS Subject
 * field carries the shortened ASCII form that mail clients show.
 */
public final class NotificationMessage {
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationMessage() {}

  public static String toJson(Notification notification) {
    try {
      return JSON.writeValueAsString(tree(notification));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers did not serialise", e);
    }
  }

  /** The body as a tree, for a caller that adds fields to it. */
  static ObjectNode tree(Notification notification) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("id", notification.id());
    root.put("rolloutId", notification.rolloutId());
    root.put("eventType", notification.eventType());
    root.put("severity", notification.severity() == null ? null : notification.severity().name());
    root.put("subject", notification.subject());
    root.put("message", notification.message());
    ObjectNode values = root.putObject("values");
    for (Map.Entry<String, Double> value : new TreeMap<>(notification.values()).entrySet()) {
      Double number = value.getValue();
      // JSON has no NaN or Infinity; null says "no usable value" to every parser.
      if (number == null || number.isNaN() || number.isInfinite()) {
        values.putNull(value.getKey());
      } else {
        values.put(value.getKey(), number);
      }
    }
    root.put(
        "at",
        notification.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(notification.at()));
    return root;
  }
}

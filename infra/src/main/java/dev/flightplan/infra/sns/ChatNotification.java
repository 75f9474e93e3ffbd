package dev.flightplan.infra.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.state.Notification;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The fields Amazon Q Developer in chat applications (formerly AWS Chatbot) shows as a custom
 * notification in a Slack or Microsoft Teams channel subscribed to the topic: {@code version} 1.0,
 * {@code source} custom, a title, a markdown description and the commands to run next. A rollout's
 * messages share a thread ({@code metadata.threadId} is the rollout id); digests start their own
 * message. Titles and descriptions are cut to the bounds below, with a note saying so.
 *
 * <pre>{@code
 * {"version":"1.0","source":"custom","id":"checkout-v2:7",
 *  "content":{"textType":"client-markdown","title":"[ROLLBACK] checkout-v2: ...",
 *             "description":"Rollout checkout-v2: ...","nextSteps":["..."],
 *             "keywords":["flightplan","ROLLBACK","CRITICAL","checkout-v2"]},
 *  "metadata":{"threadId":"checkout-v2","summary":"[ROLLBACK] checkout-v2: ...",
 *              "eventType":"ROLLBACK","relatedResources":["checkout-v2"],
 *              "additionalContext":{"rolloutId":"checkout-v2","severity":"CRITICAL",
 *                                   "notificationId":"checkout-v2:7","at":"..."}}}
 * }</pre>
 */
public final class ChatNotification {
  static final int TITLE_LIMIT = 250;
  static final int DESCRIPTION_LIMIT = 8_000;
  static final String CUT = "\n... (cut; the whole text is in the JSON body and in `flightplan`)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatNotification() {}

  public static String toJson(Notification notification) {
    try {
      return JSON.writeValueAsString(tree(notification));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings did not serialise", e);
    }
  }

  static ObjectNode tree(Notification notification) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.put("source", "custom");
    root.put("id", notification.id());
    ObjectNode content = root.putObject("content");
    content.put("textType", "client-markdown");
    content.put("title", cut(notification.subject(), TITLE_LIMIT, "..."));
    content.put("description", cut(notification.message(), DESCRIPTION_LIMIT, CUT));
    strings(content.putArray("nextSteps"), ChatNextSteps.of(notification));
    ArrayNode keywords = content.putArray("keywords");
    keywords.add("flightplan").add(notification.eventType());
    if (notification.severity() != null) {
      keywords.add(notification.severity().name());
    }
    if (notification.rolloutId() != null) {
      keywords.add(notification.rolloutId());
    }
    metadata(root.putObject("metadata"), notification);
    return root;
  }

  private static void metadata(ObjectNode metadata, Notification notification) {
    boolean digest = NotificationEvents.DIGEST.equals(notification.eventType());
    if (notification.rolloutId() != null && !digest) {
      metadata.put("threadId", notification.rolloutId());
    }
    metadata.put("summary", cut(notification.subject(), TITLE_LIMIT, "..."));
    metadata.put("eventType", notification.eventType());
    if (notification.rolloutId() != null) {
      metadata.putArray("relatedResources").add(notification.rolloutId());
    }
    ObjectNode context = metadata.putObject("additionalContext");
    putIfSet(context, "rolloutId", notification.rolloutId());
    putIfSet(
        context,
        "severity",
        notification.severity() == null ? null : notification.severity().name());
    putIfSet(context, "notificationId", notification.id());
    putIfSet(
        context,
        "at",
        notification.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(notification.at()));
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** {@code text} whole when it fits in {@code limit} characters, else cut and marked. */
  static String cut(String text, int limit, String marker) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    int end = limit - marker.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return text.substring(0, end) + marker;
  }
}

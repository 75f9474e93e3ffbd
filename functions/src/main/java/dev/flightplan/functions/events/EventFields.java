package dev.flightplan.functions.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading fields of an event tree without tripping over missing or non-text nodes. */
final class EventFields {
  private EventFields() {}

  /** The text at {@code path} (field names, outermost first), or null when absent or not text. */
  static String text(JsonNode node, String... path) {
    JsonNode at = node;
    for (String name : path) {
      at = at == null ? null : at.get(name);
    }
    return at != null && at.isTextual() && !at.asText().isBlank() ? at.asText() : null;
  }

  /** The text at {@code path}, or an {@link UnrecognizedEventException} naming it. */
  static String required(JsonNode node, String shape, String... path) {
    String value = text(node, path);
    if (value == null) {
      throw new UnrecognizedEventException(
          shape + " without " + String.join(".", path) + " (got fields " + fields(node) + ")");
    }
    return value;
  }

  /** The top-level field names, for error messages: the shape, never the values. */
  static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}

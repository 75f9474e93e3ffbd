package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of one {@link Node}. Absent nodes give the default; a value of the wrong kind is
 * reported at the node's path and gives the default (or null), so reading continues.
 */
final class NodeValues {
  /** Names of audiences, metrics, gates, phases and checklist items. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  static final String NAME_HINT =
      "letters, digits, '.', '_' and '-', starting with a letter or digit";

  private NodeValues() {}

  /** A scalar as text (numbers and booleans too: {@code stable: 41}); null when absent. */
  static String text(Node node) {
    JsonNode json = node.json();
    if (json == null) {
      return null;
    }
    if (!json.isValueNode()) {
      node.error("must be a single value, not a " + (json.isArray() ? "list" : "mapping"));
      return null;
    }
    return json.isBigDecimal() ? json.decimalValue().toPlainString() : json.asText();
  }

  static String text(Node node, String fallback) {
    String text = text(node);
    return text == null ? fallback : text;
  }

  /** A non-empty scalar that must be there. */
  static String required(Node node) {
    if (!node.isPresent()) {
      node.error("is required");
      return null;
    }
    String text = text(node);
    if (text != null && text.isBlank()) {
      node.error("must not be empty");
      return null;
    }
    return text;
  }

  /** A required name matching {@link #NAME}. */
  static String name(Node node) {
    String text = required(node);
    return text == null || checkName(node, text) ? text : null;
  }

  static boolean checkName(Node node, String text) {
    if (NAME.matcher(text).matches()) {
      return true;
    }
    node.error("`" + text + "` is not a valid name", "use up to 63 " + NAME_HINT);
    return false;
  }

  /** One of a fixed set of words, e.g. {@code rollback | pause | require}. */
  static <E> E choice(Node node, Map<String, E> options, E fallback) {
    String text = text(node);
    if (text == null) {
      return fallback;
    }
    E value = options.get(text);
    if (value == null) {
      node.error(
          "must be one of " + String.join(" | ", options.keySet()),
          Suggestions.nearest(text, options.keySet())
              .map(n -> "did you mean `" + n + "`?")
              .orElse(""));
    }
    return value;
  }

  /** The wire names of enum constants, in declaration order. */
  static <E> Map<String, E> byName(E[] values, Function<E, String> wireName) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E value : values) {
      map.put(wireName.apply(value), value);
    }
    return map;
  }

  static boolean bool(Node node, boolean fallback) {
    JsonNode json = node.json();
    if (json == null) {
      return fallback;
    }
    if (!json.isBoolean()) {
      node.error("must be true or false");
      return fallback;
    }
    return json.booleanValue();
  }

  static long integer(Node node, long fallback, long min, long max) {
    JsonNode json = node.json();
    if (json == null) {
      return fallback;
    }
    if (!json.isIntegralNumber() || !json.canConvertToLong()) {
      node.error("must be a whole number");
      return fallback;
    }
    long value = json.longValue();
    if (value < min || value > max) {
      node.error(
          max == Long.MAX_VALUE
              ? "must be " + min + " or more"
              : "must be within " + min + ".." + max);
      return fallback;
    }
    return value;
  }

  /** A number; null when absent or not a number. */
  static BigDecimal decimal(Node node) {
    JsonNode json = node.json();
    if (json == null) {
      return null;
    }
    if (!json.isNumber()) {
      node.error("must be a number");
      return null;
    }
    return json.decimalValue();
  }

  static Duration duration(Node node, Duration fallback) {
    String text = text(node);
    if (text == null) {
      return fallback;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), Durations.HINT);
      return fallback;
    }
  }

  /** A list of scalars, e.g. {@code [employees, beta]}. */
  static List<String> texts(Node node) {
    List<String> texts = new ArrayList<>();
    for (Node item : node.items()) {
      String text = required(item);
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }
}

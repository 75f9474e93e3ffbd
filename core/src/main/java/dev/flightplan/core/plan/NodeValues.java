package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of one {@link Node}. Absent nodes give the default; a value of the wrong kind or out
 * of its bounds ({@link PlanLimits}) is reported at the node's path and gives the default (or
 * null), so reading continues. Every text is free text ({@link PlanText}); numbers and durations
 * are read by {@link NodeNumbers}.
 */
final class NodeValues {
  /** Names of audiences, metrics, gates, phases and checklist items. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  static final String NAME_HINT =
      "letters, digits, '.', '_' and '-', starting with a letter or digit";

  private NodeValues() {}

  /** A scalar as text (numbers and booleans too: {@code stable: 41}); null when absent. */
  static String text(Node node) {
    return text(node, PlanLimits.TEXT);
  }

  /** A scalar as text of at most {@code maxChars}; null when absent or refused. */
  static String text(Node node, int maxChars) {
    JsonNode json = node.json();
    if (json == null) {
      return null;
    }
    if (!json.isValueNode()) {
      node.error("must be a single value, not a " + (json.isArray() ? "list" : "mapping"));
      return null;
    }
    if (json.isBigDecimal()) {
      BigDecimal number = NodeNumbers.checked(node, json.decimalValue());
      return number == null ? null : number.toPlainString();
    }
    String text = json.asText();
    String problem = PlanText.problem(text, maxChars);
    if (problem != null) {
      node.error(problem, PlanText.HINT);
      return null;
    }
    return text;
  }

  static String textOr(Node node, String fallback) {
    String text = text(node);
    return text == null ? fallback : text;
  }

  /** A non-empty scalar that must be there. */
  static String required(Node node) {
    return required(node, PlanLimits.TEXT);
  }

  /** A non-empty scalar of at most {@code maxChars} that must be there. */
  static String required(Node node, int maxChars) {
    if (!node.isPresent()) {
      node.error("is required");
      return null;
    }
    String text = text(node, maxChars);
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
    node.error(PlanText.quote(text) + " is not a valid name", "use up to 63 " + NAME_HINT);
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

  /** A list of at most {@code maxItems} scalars of at most {@code maxChars} each. */
  static List<String> texts(Node node, int maxItems, int maxChars) {
    List<String> texts = new ArrayList<>();
    for (Node item : node.items(maxItems)) {
      String text = required(item, maxChars);
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }
}

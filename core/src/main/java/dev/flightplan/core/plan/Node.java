package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A cursor over the parsed plan tree. It knows its path ({@code phases[2].percent}) and reports
 * problems to the plan's shared {@link FieldErrors} instead of throwing, so reading goes on and
 * every error is found in one pass. Reading an absent node gives the default, never an error; typed
 * reads live in {@link NodeValues}.
 */
final class Node {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

  private final JsonNode json;
  private final String path;
  private final FieldErrors problems;

  private Node(JsonNode json, String path, FieldErrors problems) {
    this.json = json == null || json.isMissingNode() || json.isNull() ? null : json;
    this.path = path;
    this.problems = problems;
  }

  static Node root(JsonNode json, FieldErrors problems) {
    return new Node(json, "", problems);
  }

  String path() {
    return path;
  }

  boolean isPresent() {
    return json != null;
  }

  /** The raw tree; null when absent. */
  JsonNode json() {
    return json;
  }

  Node get(String field) {
    JsonNode child = json != null && json.isObject() ? json.get(field) : null;
    return new Node(child, child(field), problems);
  }

  void error(String message, String hint) {
    problems.add(path, message, hint);
  }

  void error(String message) {
    error(message, "");
  }

  /** Errors reported so far in the whole plan; readers compare counts to know they failed. */
  int errorCount() {
    return problems.count();
  }

  /**
   * True when this is a mapping; reports a node of another kind, and every field not in {@code
   * allowed} (with the nearest allowed name as a hint).
   */
  boolean isObject(List<String> allowed) {
    if (json == null) {
      return false;
    }
    if (!json.isObject()) {
      error("must be a mapping", "allowed fields: " + String.join(", ", allowed));
      return false;
    }
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      if (!allowed.contains(field.getKey())) {
        new Node(field.getValue(), child(field.getKey()), problems)
            .error("unknown field", Suggestions.hint(field.getKey(), allowed));
      }
    }
    return true;
  }

  /**
   * The elements of a list of at most {@code max}; empty when absent, and reported (and left
   * unread) when not a list or longer.
   */
  List<Node> items(int max) {
    List<Node> items = new ArrayList<>();
    if (json == null) {
      return items;
    }
    if (!json.isArray()) {
      error("must be a list");
      return items;
    }
    if (json.size() > max) {
      error("has " + json.size() + " items; at most " + max);
      return items;
    }
    for (int i = 0; i < json.size(); i++) {
      items.add(new Node(json.get(i), path + "[" + i + "]", problems));
    }
    return items;
  }

  /**
   * The entries of a mapping whose keys are names (audiences, metrics), in file order; at most
   * {@code max}, else reported and left unread.
   */
  Map<String, Node> entries(int max) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (json == null) {
      return entries;
    }
    if (!json.isObject()) {
      error("must be a mapping of names to definitions");
      return entries;
    }
    if (json.size() > max) {
      error("has " + json.size() + " entries; at most " + max);
      return entries;
    }
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      entries.put(field.getKey(), new Node(field.getValue(), child(field.getKey()), problems));
    }
    return entries;
  }

  private String child(String field) {
    return childPath(path, field);
  }

  /** {@code parent.field}, or {@code parent["fi eld"]} with the key cut short and escaped. */
  static String childPath(String parent, String field) {
    if (!PLAIN_KEY.matcher(field).matches() || field.length() > PlanLimits.NAME) {
      String key = PlanText.excerpt(field, PlanText.EXCERPT).replace("\"", "\\\"");
      return parent + "[\"" + key + "\"]";
    }
    return parent.isEmpty() ? field : parent + "." + field;
  }
}

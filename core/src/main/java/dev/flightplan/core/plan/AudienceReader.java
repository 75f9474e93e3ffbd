package dev.flightplan.core.plan;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Audience.Match;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code audiences}: {@code NAME: {attribute: A, equals|startsWith|endsWith: V}} or {@code
 * NAME: {attribute: A, in: [V, …]}}, exactly one way of matching per audience.
 */
final class AudienceReader {
  private static final List<String> FIELDS =
      List.of("attribute", "equals", "in", "startsWith", "endsWith");
  private static final String MATCH_HINT = "give exactly one of equals, in, startsWith, endsWith";

  private AudienceReader() {}

  /** Every declared name, mapped to its audience or to null when the audience is invalid. */
  static Map<String, Audience> read(Node node) {
    Map<String, Audience> audiences = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : node.entries(PlanLimits.AUDIENCES).entrySet()) {
      Node audience = entry.getValue();
      boolean named = NodeValues.checkName(audience, entry.getKey());
      Audience read = audience(audience);
      audiences.put(entry.getKey(), named ? read : null);
    }
    return audiences;
  }

  private static Audience audience(Node node) {
    if (!node.isObject(FIELDS)) {
      if (!node.isPresent()) {
        node.error("needs an attribute and a match", MATCH_HINT);
      }
      return null;
    }
    int before = node.errorCount();
    String attribute = NodeValues.required(node.get("attribute"), PlanLimits.ATTRIBUTE);
    List<Match> matches = new ArrayList<>();
    for (Match match : Match.values()) {
      if (node.get(match.wireName()).isPresent()) {
        matches.add(match);
      }
    }
    if (matches.size() != 1) {
      node.error(matches.isEmpty() ? "has no match" : "has more than one match", MATCH_HINT);
      return null;
    }
    List<String> values = values(node.get(matches.get(0).wireName()), matches.get(0));
    return node.errorCount() > before ? null : new Audience(attribute, matches.get(0), values);
  }

  private static List<String> values(Node node, Match match) {
    if (match != Match.IN) {
      String value = NodeValues.required(node, PlanLimits.AUDIENCE_VALUE);
      return value == null ? List.of() : List.of(value);
    }
    List<String> values =
        NodeValues.texts(node, PlanLimits.AUDIENCE_VALUES, PlanLimits.AUDIENCE_VALUE);
    if (node.json().isArray() && node.json().isEmpty()) {
      node.error("must list at least one value");
    }
    return values;
  }
}

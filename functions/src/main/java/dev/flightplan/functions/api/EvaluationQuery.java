package dev.flightplan.functions.api;

import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.Excerpt;
import dev.flightplan.functions.http.FreeText;
import dev.flightplan.functions.http.ProblemResponses;
import java.util.HashMap;
import java.util.Map;

/**
 * The query of {@code GET /flags/{key}/evaluate}: the {@code unit} to evaluate for, and every other
 * parameter as an attribute of its context. The unit and the values are free text; all of it is
 * bounded in length and count.
 */
record EvaluationQuery(String unit, Map<String, String> attributes) {
  static final String UNIT = "unit";
  static final int MAX_UNIT_LENGTH = 256;
  static final int MAX_ATTRIBUTES = 50;
  static final int MAX_NAME_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 1_024;

  EvaluationQuery {
    attributes = Map.copyOf(attributes);
  }

  static EvaluationQuery of(ApiRequest request) {
    String unit = request.query(UNIT);
    if (unit == null || unit.isEmpty()) {
      throw ProblemResponses.invalidField(
          UNIT, "is required", "give the id (user, account…) to evaluate for");
    }
    FreeText.require(UNIT, unit, MAX_UNIT_LENGTH);
    Map<String, String> attributes = new HashMap<>(request.query());
    attributes.remove(UNIT);
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw ProblemResponses.invalidField(
          "query",
          "has " + attributes.size() + " attributes; at most " + MAX_ATTRIBUTES + " are accepted",
          "send only the attributes the flag's audiences match on");
    }
    attributes.forEach(EvaluationQuery::checkAttribute);
    return new EvaluationQuery(unit, attributes);
  }

  /**
   * A name is only looked up among the audiences' attributes, never stored or printed, so only its
   * length is bounded; its value is free text.
   */
  private static void checkAttribute(String name, String value) {
    if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      throw ProblemResponses.invalidField(
          "query",
          "has a parameter `" + Excerpt.of(name) + "` longer than an attribute name may be",
          "name attributes with at most " + MAX_NAME_LENGTH + " characters");
    }
    FreeText.require(name, value, MAX_VALUE_LENGTH);
  }
}

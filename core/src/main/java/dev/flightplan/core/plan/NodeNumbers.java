package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads of numbers and durations, like {@link NodeValues}: a number is judged within {@link
 * PlanNumbers}' bounds before anything turns it into digits, a duration against its field's
 * maximum; a value out of bounds is reported at the node's path and gives the default.
 */
final class NodeNumbers {
  private NodeNumbers() {}

  static long integer(Node node, long fallback, long min, long max) {
    JsonNode json = node.json();
    if (json == null) {
      return fallback;
    }
    if (!json.isIntegralNumber()) {
      node.error("must be a whole number");
      return fallback;
    }
    if (!json.canConvertToLong() || json.longValue() < min || json.longValue() > max) {
      node.error("must be within " + min + ".." + max);
      return fallback;
    }
    return json.longValue();
  }

  /** A number within {@link PlanNumbers}' bounds; null when absent or refused. */
  static BigDecimal decimal(Node node) {
    JsonNode json = node.json();
    if (json == null) {
      return null;
    }
    boolean infinite = (json.isDouble() || json.isFloat()) && !Double.isFinite(json.doubleValue());
    if (!json.isNumber() || infinite) {
      node.error("must be a number");
      return null;
    }
    return checked(node, json.decimalValue());
  }

  static BigDecimal checked(Node node, BigDecimal number) {
    String problem = PlanNumbers.problem(number);
    if (problem != null) {
      node.error(problem, "");
      return null;
    }
    return number;
  }

  /** A duration of at most {@code max}. */
  static Duration duration(Node node, Duration fallback, Duration max) {
    String text = NodeValues.text(node);
    if (text == null) {
      return fallback;
    }
    try {
      Duration duration = Durations.parse(text);
      if (duration.compareTo(max) > 0) {
        node.error("must be at most " + Durations.format(max), "");
        return fallback;
      }
      return duration;
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), Durations.HINT);
      return fallback;
    }
  }
}

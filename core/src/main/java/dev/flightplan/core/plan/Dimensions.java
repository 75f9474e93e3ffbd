package dev.flightplan.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a metric's {@code dimensions}: names to values, where the one placeholder allowed is {@code
 * ${variant}} (replaced by candidate and baseline when the metric is read).
 */
final class Dimensions {
  private Dimensions() {}

  static Map<String, String> read(Node node) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    // CloudWatch's own limits: 30 dimensions, names of 255 and values of 1,024 characters.
    for (Map.Entry<String, Node> entry : node.entries(PlanLimits.DIMENSIONS).entrySet()) {
      String problem = PlanText.problem(entry.getKey(), PlanLimits.CLOUDWATCH_NAME);
      if (problem != null) {
        entry.getValue().error("the dimension name " + problem, PlanText.HINT);
        continue;
      }
      String value = NodeValues.required(entry.getValue(), PlanLimits.DIMENSION_VALUE);
      if (value == null) {
        continue;
      }
      if (value.contains("${") && !value.equals(MetricSpec.VARIANT_PLACEHOLDER)) {
        entry
            .getValue()
            .error(
                PlanText.quote(value) + " is not a placeholder Flightplan knows",
                "the only placeholder is ${variant}, as the whole value");
      }
      dimensions.put(entry.getKey(), value);
    }
    return dimensions;
  }
}

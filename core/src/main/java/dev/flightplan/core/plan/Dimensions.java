package dev.flightplan.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a metric's {@code dimensions}: names to values, where the one placeholder allowed is {@code
 * ${variant}} (replaced by candidate and baseline when the metric is read).
 */
final class Dimensions {
  /** CloudWatch takes at most 30 dimensions per metric. */
  private static final int MAX = 30;

  private Dimensions() {}

  static Map<String, String> read(Node node) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    Map<String, Node> entries = node.entries();
    if (entries.size() > MAX) {
      node.error("has " + entries.size() + " dimensions; CloudWatch takes at most " + MAX);
    }
    for (Map.Entry<String, Node> entry : entries.entrySet()) {
      String value = NodeValues.required(entry.getValue());
      if (value == null) {
        continue;
      }
      if (value.contains("${") && !value.equals(MetricSpec.VARIANT_PLACEHOLDER)) {
        entry
            .getValue()
            .error(
                "`" + value + "` is not a placeholder Flightplan knows",
                "the only placeholder is ${variant}, as the whole value");
      }
      dimensions.put(entry.getKey(), value);
    }
    return dimensions;
  }
}

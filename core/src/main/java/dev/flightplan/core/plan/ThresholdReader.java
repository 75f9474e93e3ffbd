package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.plan.Threshold.Relative;

/**
 * Reads a gate's bound: exactly one of {@code threshold} (absolute: {@code 5%}, {@code 0.85},
 * {@code 250}) or {@code relative} (vs the baseline: {@code 2x}, {@code +0.5pp}, {@code +20}; a
 * bare number counts as {@code +N}). A relative gate needs a metric with a {@code ${variant}}
 * dimension, and percentage points need a ratio metric.
 */
final class ThresholdReader {
  private ThresholdReader() {}

  static Threshold read(Node gate, String metric, MetricSpec spec) {
    Node absolute = gate.get("threshold");
    Node relative = gate.get("relative");
    if (absolute.isPresent() == relative.isPresent()) {
      gate.error(
          absolute.isPresent() ? "has both threshold and relative" : "has no threshold",
          "give exactly one: threshold: 5% (absolute) or relative: 2x (against the baseline)");
      return null;
    }
    return absolute.isPresent() ? absolute(absolute) : relative(relative, metric, spec);
  }

  private static Threshold absolute(Node node) {
    try {
      String text = NodeValues.text(node);
      return text == null ? null : Thresholds.absolute(text);
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), Thresholds.ABSOLUTE_HINT);
      return null;
    }
  }

  private static Threshold relative(Node node, String metric, MetricSpec spec) {
    Relative relative = parse(node);
    if (relative == null || spec == null) {
      return relative;
    }
    if (!spec.hasVariants()) {
      node.error(
          "metric `" + metric + "` has no ${variant} dimension to compare candidate and baseline",
          "add e.g. Variant: \"${variant}\" to metrics."
              + metric
              + ".dimensions, or use threshold");
    } else if (relative.kind() == Relative.Kind.PLUS_POINTS && !spec.isRatio()) {
      node.error(
          "percentage points need a ratio metric; `" + metric + "` is not one",
          "use a factor like 2x or an amount like +20");
    }
    return relative;
  }

  private static Relative parse(Node node) {
    JsonNode json = node.json();
    try {
      String text = NodeValues.text(node);
      // YAML reads `+20` as the number 20; a bare number is an amount above the baseline.
      text = json.isNumber() && !text.startsWith("-") ? "+" + text : text;
      return text == null ? null : Thresholds.relative(text);
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), Thresholds.RELATIVE_HINT);
      return null;
    }
  }
}

package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.plan.Threshold.Relative;

/**
 * Reads a gate's bound: exactly one of {@code threshold} (absolute: {@code 5%}, {@code 0.85},
 * {@code 250}) or {@code relative} (vs the baseline: {@code 2x}, {@code +0.5pp}, {@code +20}; a
 * bare number counts as {@code +N}). A relative gate needs a metric with a {@code ${variant}}
 * dimension, and percentage points need a ratio metric. On a metric of shares (a ratio, or unit
 * {@code percent} or {@code ratio}) a threshold lies within 0%..100% and an amount within ±100
 * percentage points.
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
    return absolute.isPresent()
        ? absolute(absolute, metric, spec)
        : relative(relative, metric, spec);
  }

  private static Threshold absolute(Node node, String metric, MetricSpec spec) {
    Threshold.Absolute absolute;
    try {
      String text = NodeValues.text(node);
      absolute = text == null ? null : Thresholds.absolute(text);
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), Thresholds.ABSOLUTE_HINT);
      return null;
    }
    if (absolute != null && isShare(spec) && (absolute.value() < 0 || absolute.value() > 1)) {
      node.error(
          "is outside 0%..100%: metric " + PlanText.quote(metric) + " is a share",
          "use a percentage like 5% or a fraction like 0.05");
    }
    return absolute;
  }

  private static Threshold relative(Node node, String metric, MetricSpec spec) {
    Relative relative = parse(node);
    if (relative == null || spec == null) {
      return relative;
    }
    if (!spec.hasVariants()) {
      node.error(
          "metric "
              + PlanText.quote(metric)
              + " has no ${variant} dimension to compare candidate and baseline",
          "add e.g. Variant: \"${variant}\" to metrics."
              + metric
              + ".dimensions, or use threshold");
    } else if (relative.kind() == Relative.Kind.PLUS_POINTS && !spec.isRatio()) {
      node.error(
          "percentage points need a ratio metric; " + PlanText.quote(metric) + " is not one",
          "use a factor like 2x or an amount like +20");
    } else if (relative.kind() != Relative.Kind.TIMES
        && (isShare(spec) || relative.kind() == Relative.Kind.PLUS_POINTS)
        && Math.abs(relative.amount()) > 1) {
      node.error(
          "is beyond ±100 percentage points: metric " + PlanText.quote(metric) + " is a share",
          "use points like +0.5pp");
    }
    return relative;
  }

  /** Values of ratios and of metrics in percent or ratio units are fractions of one. */
  private static boolean isShare(MetricSpec spec) {
    return spec != null
        && (spec.isRatio()
            || spec.unit() == MetricSpec.Unit.PERCENT
            || spec.unit() == MetricSpec.Unit.RATIO);
  }

  private static Relative parse(Node node) {
    JsonNode json = node.json();
    try {
      String text = NodeValues.text(node);
      // YAML reads `+20` as the number 20; a bare number is an amount above the baseline.
      text = text != null && json.isNumber() && !text.startsWith("-") ? "+" + text : text;
      return text == null ? null : Thresholds.relative(text);
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), Thresholds.RELATIVE_HINT);
      return null;
    }
  }
}

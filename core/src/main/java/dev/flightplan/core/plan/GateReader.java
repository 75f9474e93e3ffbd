package dev.flightplan.core.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code gates}. Each gate names a declared metric, an {@code op}, exactly one of {@code
 * threshold} or {@code relative} (see {@link ThresholdReader}) and an {@code action}. A gate
 * without a name is called {@code <metric>-<action>}, with {@code -2}, {@code -3}… when that is
 * taken; explicit names must be unique.
 */
final class GateReader {
  private static final List<String> FIELDS =
      List.of(
          "name",
          "metric",
          "op",
          "threshold",
          "relative",
          "for",
          "action",
          "minSamples",
          "missingData",
          "errorLimit",
          "confidence");
  private static final Map<String, Comparison> OPS =
      NodeValues.byName(Comparison.values(), Comparison::symbol);
  private static final Map<String, GateAction> ACTIONS =
      NodeValues.byName(GateAction.values(), GateAction::wireName);
  private static final Map<String, MissingData> MISSING =
      NodeValues.byName(MissingData.values(), MissingData::wireName);
  private static final BigDecimal MIN_CONFIDENCE = new BigDecimal("0.5");
  private static final BigDecimal MAX_CONFIDENCE = new BigDecimal("0.9999");

  private GateReader() {}

  /** The gates in order; an invalid gate is null. */
  static List<Gate> read(Node node, Map<String, MetricSpec> metrics) {
    List<Node> items = node.items(PlanLimits.GATES);
    List<String> names = GateNames.assign(items);
    List<Gate> gates = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      gates.add(gate(items.get(i), names.get(i), metrics));
    }
    return gates;
  }

  /** Whether any gate says {@code action: rollback}, even one that is otherwise invalid. */
  static boolean declaresRollback(Node node) {
    Set<String> actions = new HashSet<>();
    for (Node item : node.items(PlanLimits.GATES)) {
      var action = item.get("action").json();
      actions.add(action != null && action.isTextual() ? action.asText() : "");
    }
    return actions.contains(GateAction.ROLLBACK.wireName());
  }

  private static Gate gate(Node node, String name, Map<String, MetricSpec> metrics) {
    if (!node.isObject(FIELDS)) {
      if (!node.isPresent()) {
        node.error(
            "is empty", "e.g. {metric: error_rate, op: \">\", threshold: 5%, action: rollback}");
      }
      return null;
    }
    int before = node.errorCount();
    String metric = NodeValues.required(node.get("metric"));
    MetricSpec spec = metric == null ? null : metric(node.get("metric"), metric, metrics);
    Comparison op = required(node.get("op"), OPS);
    Threshold threshold = ThresholdReader.read(node, metric, spec);
    Duration sustain = NodeNumbers.duration(node.get("for"), Duration.ZERO, PlanLimits.SUSTAIN);
    GateAction action = required(node.get("action"), ACTIONS);
    long minSamples =
        NodeNumbers.integer(
            node.get("minSamples"), Gate.DEFAULT_MIN_SAMPLES, 0, PlanLimits.MIN_SAMPLES);
    MissingData missing = NodeValues.choice(node.get("missingData"), MISSING, MissingData.HOLD);
    int errorLimit =
        (int)
            NodeNumbers.integer(
                node.get("errorLimit"), Gate.DEFAULT_ERROR_LIMIT, 1, PlanLimits.ERROR_LIMIT);
    double confidence = confidence(node.get("confidence"));
    if (node.errorCount() > before || name == null) {
      return null;
    }
    return new Gate(
        name, metric, op, threshold, sustain, action, minSamples, missing, errorLimit, confidence);
  }

  private static MetricSpec metric(Node node, String metric, Map<String, MetricSpec> metrics) {
    if (!metrics.containsKey(metric)) {
      String hint =
          Suggestions.nearest(metric, metrics.keySet())
              .map(n -> "did you mean `" + n + "`?")
              .orElse("declare it under metrics");
      node.error("unknown metric " + PlanText.quote(metric), hint);
    }
    return metrics.get(metric);
  }

  private static <E> E required(Node node, Map<String, E> options) {
    if (!node.isPresent()) {
      node.error("is required", "one of " + String.join(" | ", options.keySet()));
      return null;
    }
    return NodeValues.choice(node, options, null);
  }

  private static double confidence(Node node) {
    BigDecimal confidence = NodeNumbers.decimal(node);
    if (confidence == null) {
      return Gate.DEFAULT_CONFIDENCE;
    }
    if (confidence.compareTo(MIN_CONFIDENCE) < 0 || confidence.compareTo(MAX_CONFIDENCE) > 0) {
      node.error("must be within 0.5..0.9999", "0.95 is usual; 0.99 for fewer false alarms");
    } else if (PlanNumbers.decimals(confidence) > PlanLimits.CONFIDENCE_DECIMALS) {
      node.error(
          "has more than " + PlanLimits.CONFIDENCE_DECIMALS + " decimals",
          "0.95 is usual; 0.99 for fewer false alarms");
    }
    return confidence.doubleValue();
  }
}

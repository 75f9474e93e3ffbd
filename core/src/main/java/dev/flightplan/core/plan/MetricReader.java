package dev.flightplan.core.plan;

import dev.flightplan.core.plan.MetricSpec.Unit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code metrics}: {@code NAME: {namespace, metric, stat?, …}} or {@code NAME: {namespace,
 * ratio: {numerator, denominator}, …}}, with optional {@code dimensions}, {@code unit}, {@code
 * period} (a multiple of 60s, default 1m) and {@code lookback} (at least the period, default 10m).
 * A ratio is computed from the {@code Sum} of its two metrics, so its stat is always {@code Sum};
 * only a ratio takes {@code numeratorAbsent: missing | zero} (default missing).
 */
final class MetricReader {
  private static final List<String> FIELDS =
      List.of(
          "namespace",
          "metric",
          "ratio",
          "numeratorAbsent",
          "stat",
          "dimensions",
          "unit",
          "period",
          "lookback");
  private static final List<String> RATIO_FIELDS = List.of("numerator", "denominator");
  private static final Map<String, Unit> UNITS = NodeValues.byName(Unit.values(), Unit::wireName);
  private static final Map<String, NumeratorAbsent> ABSENT =
      NodeValues.byName(NumeratorAbsent.values(), NumeratorAbsent::wireName);
  private static final String STAT_HINT =
      "use SampleCount, Average, Sum, Minimum, Maximum, IQM, or e.g. p95, p99.9, tm90, wm99,"
          + " TM(10%:90%)";

  private MetricReader() {}

  /** Every declared name, mapped to its spec or to null when the spec is invalid. */
  static Map<String, MetricSpec> read(Node node) {
    Map<String, MetricSpec> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : node.entries(PlanLimits.METRICS).entrySet()) {
      boolean named = NodeValues.checkName(entry.getValue(), entry.getKey());
      MetricSpec spec = metric(entry.getKey(), entry.getValue());
      metrics.put(entry.getKey(), named ? spec : null);
    }
    return metrics;
  }

  private static MetricSpec metric(String name, Node node) {
    if (!node.isObject(FIELDS)) {
      if (!node.isPresent()) {
        node.error("is empty", "give namespace and metric, or namespace and ratio");
      }
      return null;
    }
    int before = node.errorCount();
    String namespace = NodeValues.required(node.get("namespace"), PlanLimits.CLOUDWATCH_NAME);
    Node metricNode = node.get("metric");
    Node ratioNode = node.get("ratio");
    if (metricNode.isPresent() == ratioNode.isPresent()) {
      node.error(
          metricNode.isPresent() ? "has both metric and ratio" : "has neither metric nor ratio",
          "give either metric: NAME or ratio: {numerator, denominator}");
      return null;
    }
    String metric =
        metricNode.isPresent() ? NodeValues.required(metricNode, PlanLimits.CLOUDWATCH_NAME) : null;
    NumeratorAbsent absent = numeratorAbsent(node.get("numeratorAbsent"), ratioNode.isPresent());
    MetricSpec.Ratio ratio = ratioNode.isPresent() ? ratio(ratioNode, absent) : null;
    String stat = stat(node.get("stat"), ratio != null);
    Map<String, String> dimensions = Dimensions.read(node.get("dimensions"));
    Unit unit = NodeValues.choice(node.get("unit"), UNITS, ratio != null ? Unit.RATIO : Unit.NONE);
    Duration period = period(node.get("period"));
    Duration lookback =
        NodeNumbers.duration(
            node.get("lookback"), MetricSpec.DEFAULT_LOOKBACK, PlanLimits.LOOKBACK);
    if (period != null && lookback.compareTo(period) < 0) {
      node.get("lookback").error("must be at least the period (" + Durations.format(period) + ")");
    }
    return node.errorCount() > before
        ? null
        : new MetricSpec(name, namespace, metric, ratio, stat, dimensions, unit, period, lookback);
  }

  private static MetricSpec.Ratio ratio(Node node, NumeratorAbsent absent) {
    if (!node.isObject(RATIO_FIELDS)) {
      return null;
    }
    String numerator = NodeValues.required(node.get("numerator"), PlanLimits.CLOUDWATCH_NAME);
    String denominator = NodeValues.required(node.get("denominator"), PlanLimits.CLOUDWATCH_NAME);
    return new MetricSpec.Ratio(numerator, denominator, absent);
  }

  /** Only a ratio has a numerator; a bad value is reported and reads as the default. */
  private static NumeratorAbsent numeratorAbsent(Node node, boolean ratio) {
    NumeratorAbsent absent = NodeValues.choice(node, ABSENT, NumeratorAbsent.MISSING);
    if (node.isPresent() && !ratio) {
      node.error(
          "applies only to a ratio metric",
          "remove numeratorAbsent, or give ratio: {numerator, denominator}");
    }
    return absent == null ? NumeratorAbsent.MISSING : absent;
  }

  private static String stat(Node node, boolean ratio) {
    String stat = NodeValues.text(node, PlanLimits.STAT);
    if (ratio) {
      if (stat != null && !stat.equals("Sum")) {
        node.error("a ratio is computed from the Sum of its metrics", "remove stat");
      }
      return "Sum";
    }
    if (stat != null && !StatisticNames.isValid(stat)) {
      node.error(PlanText.quote(stat) + " is not a CloudWatch statistic", STAT_HINT);
    }
    return stat == null ? StatisticNames.DEFAULT : stat;
  }

  private static Duration period(Node node) {
    int before = node.errorCount();
    Duration period = NodeNumbers.duration(node, MetricSpec.DEFAULT_PERIOD, PlanLimits.PERIOD);
    if (node.errorCount() > before) {
      return null;
    }
    if (period.isZero() || period.getNano() != 0 || period.getSeconds() % 60 != 0) {
      node.error("must be a whole number of minutes", "use e.g. 1m, 5m or 1h");
      return null;
    }
    return period;
  }
}

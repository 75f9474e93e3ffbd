package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The gates of the {@code get} screen: each gate's rule and its latest evaluation as the controller
 * recorded it (verdict, values, samples, when). From a server that does not return {@code gates},
 * the values of the newest history entry the gate caused.
 */
final class GateLines {
  private GateLines() {}

  static List<String> of(JsonNode rollout, JsonNode history) {
    JsonNode plan = rollout.path("plan");
    JsonNode recorded = rollout.path("gates");
    List<String[]> rows = new ArrayList<>();
    for (JsonNode gate : plan.path("gates")) {
      String name = gate.path("name").asText();
      boolean ratio = plan.path("metrics").path(gate.path("metric").asText()).has("ratio");
      rows.add(
          new String[] {
            name,
            rule(gate, plan.path("metrics")),
            gate.path("action").asText(),
            recorded.isArray()
                ? GateEvaluationText.of(recorded(recorded, name), ratio)
                : observed(name, history)
          });
    }
    List<String> lines = new ArrayList<>();
    int[] widths = widths(rows);
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String text =
          String.format(
              "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  last: %s",
              r[0],
              r[1],
              r[2],
              r[3]);
      lines.add(RolloutScreen.line(i == 0 ? "Gates" : "", text));
    }
    return lines.isEmpty() ? List.of(RolloutScreen.line("Gates", "-")) : lines;
  }

  /** {@code error_rate > 5% for 10m}, {@code latency_p95 > 2x baseline}. */
  private static String rule(JsonNode gate, JsonNode metrics) {
    String metric = gate.path("metric").asText();
    String bound =
        gate.has("relative")
            ? gate.path("relative").asText() + " baseline"
            : threshold(gate.path("threshold"), metrics.path(metric).has("ratio"));
    String sustained = gate.has("for") ? " for " + gate.path("for").asText() : "";
    return metric + " " + gate.path("op").asText() + " " + bound + sustained;
  }

  /** A ratio's threshold as the plan most likely wrote it, {@code 5%} rather than {@code 0.05}. */
  private static String threshold(JsonNode threshold, boolean ratio) {
    if (ratio && threshold.isNumber()) {
      return threshold.decimalValue().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
    return threshold.asText();
  }

  private static JsonNode recorded(JsonNode gates, String name) {
    for (JsonNode gate : gates) {
      if (name.equals(gate.path("name").asText())) {
        return gate;
      }
    }
    return null;
  }

  /** The values of the newest history entry naming this gate, or {@code -}. */
  private static String observed(String gate, JsonNode history) {
    JsonNode latest = null;
    for (JsonNode entry : history) {
      if (gate.equals(entry.path("gate").asText(null)) && entry.has("values")) {
        latest = entry;
      }
    }
    if (latest == null) {
      return "-";
    }
    List<String> values = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = latest.path("values").fields();
    fields.forEachRemaining(e -> values.add(e.getKey() + "=" + number(e.getValue())));
    return String.join(" ", values) + " (" + latest.path("at").asText() + ")";
  }

  private static String number(JsonNode value) {
    if (!value.isNumber()) {
      return "n/a";
    }
    return value.decimalValue().round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static int[] widths(List<String[]> rows) {
    int[] widths = new int[3];
    for (String[] r : rows) {
      for (int i = 0; i < 3; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    return widths;
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.gate.GateValueFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * One gate's latest recorded evaluation in a line: {@code PASS 1.2% vs 1% n=1234/9876 p=0.031 at
 * 2026-03-02T11:07:00Z}, or {@code -} when it was never evaluated.
 */
final class GateEvaluationText {
  private GateEvaluationText() {}

  static String of(JsonNode gate, boolean percent) {
    if (gate == null || !gate.path("verdict").isTextual()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    parts.add(gate.path("verdict").asText());
    JsonNode values = gate.path("values");
    if (values.path("candidate").isNumber()) {
      String shown = value(values.path("candidate"), percent);
      if (values.path("baseline").isNumber()) {
        shown += " vs " + value(values.path("baseline"), percent);
      }
      parts.add(shown);
    }
    JsonNode samples = gate.path("samples");
    if (samples.path("candidate").isNumber()) {
      String n = "n=" + samples.path("candidate").asLong();
      parts.add(
          samples.path("baseline").isNumber() ? n + "/" + samples.path("baseline").asLong() : n);
    }
    if (gate.path("pValue").isNumber()) {
      parts.add(GateValueFormat.pValue(gate.path("pValue").asDouble()));
    }
    if (gate.path("evaluatedAt").isTextual()) {
      parts.add("at " + gate.path("evaluatedAt").asText());
    }
    return String.join(" ", parts);
  }

  private static String value(JsonNode value, boolean percent) {
    double v = value.asDouble();
    return percent ? GateValueFormat.number(v * 100) + "%" : GateValueFormat.number(v);
  }
}

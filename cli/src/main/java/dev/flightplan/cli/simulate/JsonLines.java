package dev.flightplan.cli.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.SimulationSummary;
import dev.flightplan.core.simulate.TimelineEntry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One JSON object per decision, then the summary with the metric names that plan and trace disagree
 * on ({@code metricMismatches}): easy to read line by line in a pipeline.
 */
final class JsonLines implements SimulateCommand.Printer {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(TerminalText.JSON_ESCAPES);
  }

  private final PrintWriter out;

  JsonLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void print(Simulation run, List<String> metricMismatches) {
    run.timeline().forEach(entry -> out.println(write(entry(entry))));
    ObjectNode summary = summary(run.summary());
    ArrayNode mismatches = summary.putArray("metricMismatches");
    metricMismatches.forEach(mismatches::add);
    out.println(write(summary));
  }

  static ObjectNode entry(TimelineEntry entry) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", text(entry.time()));
    line.put("decision", entry.decision());
    line.put("actor", entry.actor());
    line.put("phase", entry.phase());
    line.put("percent", entry.percent());
    line.put("gate", entry.gate());
    ObjectNode values = line.putObject("values");
    entry.values().forEach(values::put);
    line.put("reason", entry.reason());
    return line;
  }

  static ObjectNode summary(SimulationSummary summary) {
    ObjectNode line = JSON.createObjectNode();
    line.put("outcome", summary.outcome().name());
    line.put("outcomeTime", text(summary.outcomeTime()));
    line.put("status", summary.status().name());
    line.put("phase", summary.phase());
    line.put("percent", summary.percent());
    line.put("reason", summary.reason());
    line.put("from", text(summary.from()));
    line.put("until", text(summary.until()));
    return line;
  }

  private static String write(ObjectNode line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.options.RolloutIdParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What the gates see, as time series: {@code GET /rollouts/{id}/metrics}. */
@Command(
    name = "metrics",
    description =
        "Show the series of every gate metric, candidate beside baseline, with the thresholds.")
public final class MetricsCommand extends ApiCommand {
  @Mixin RolloutIdParameter rolloutId;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "Start, e.g. 2026-11-29T10:00:00Z (default: when the rollout started).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "INSTANT",
      description = "End, e.g. 2026-11-29T14:00:00Z (default: now).")
  String to;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "10",
      description = "Periods shown per metric in the table, newest last (default: 10).")
  int last;

  @Override
  int run(ApiClient client) {
    if (last < 1) {
      throw new ParameterException(spec.commandLine(), "--last must be at least 1, not " + last);
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("from", from);
    query.put("to", to);
    JsonNode body =
        client.get(rolloutPath(rolloutId.get()) + "/metrics" + ApiClient.query(query)).json();
    if (output.json()) {
      printJson(body);
      return ExitCodes.OK;
    }
    out()
        .printf(
            "%s to %s, one point per %ds%n",
            body.path("from").asText(),
            body.path("to").asText(),
            body.path("periodSeconds").asInt());
    for (JsonNode metric : body.path("metrics")) {
      print(metric);
    }
    out().flush();
    return ExitCodes.OK;
  }

  private void print(JsonNode metric) {
    String unit = metric.path("unit").asText("");
    out().println();
    out().println(TerminalText.escape(metric.path("name").asText() + thresholds(metric, unit)));
    if (!metric.path("error").isNull() && !metric.path("error").isMissingNode()) {
      out().println("  cannot be read: " + TerminalText.escape(metric.path("error").asText()));
      return;
    }
    TreeMap<String, String[]> rows = new TreeMap<>();
    collect(rows, metric.path("series").path("candidate"), 0, unit);
    collect(rows, metric.path("series").path("baseline"), 1, unit);
    if (rows.isEmpty()) {
      out().println("  no data in this range");
      return;
    }
    TextTable table = new TextTable("PERIOD", "CANDIDATE", "BASELINE");
    List<Map.Entry<String, String[]>> all = new ArrayList<>(rows.entrySet());
    for (Map.Entry<String, String[]> row :
        all.subList(Math.max(0, all.size() - last), all.size())) {
      table.row(row.getKey(), row.getValue()[0], row.getValue()[1]);
    }
    table.print(out());
  }

  private static void collect(
      TreeMap<String, String[]> rows, JsonNode points, int column, String unit) {
    for (JsonNode point : points) {
      String[] row = rows.computeIfAbsent(point.path("t").asText(), t -> new String[] {"-", "-"});
      row[column] = value(point.path("v").asDouble(), unit);
    }
  }

  /** ": rollback if > 5%, pause if > 2x baseline". */
  private static String thresholds(JsonNode metric, String unit) {
    List<String> rules = new ArrayList<>();
    for (JsonNode t : metric.path("thresholds")) {
      String bound =
          t.path("value").isNumber()
              ? value(t.path("value").asDouble(), unit)
              : t.path("relative").asText() + " baseline";
      rules.add(t.path("action").asText() + " if " + t.path("op").asText() + " " + bound);
    }
    return rules.isEmpty() ? "" : ": " + String.join(", ", rules);
  }

  /** In the metric's unit: percent as 1.23%, milliseconds as 120.5ms, others as the number. */
  static String value(double v, String unit) {
    return switch (unit) {
      case "percent" -> trim(String.format(Locale.ROOT, "%.3f", v * 100)) + "%";
      case "ms", "s" -> trim(String.format(Locale.ROOT, "%.1f", v)) + unit;
      default -> trim(String.format(Locale.ROOT, "%.4f", v));
    };
  }

  private static String trim(String number) {
    return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
  }
}

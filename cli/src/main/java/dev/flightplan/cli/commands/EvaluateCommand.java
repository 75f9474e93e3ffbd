package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What one unit sees of a flag, as the evaluation endpoint computes it. */
@Command(name = "evaluate", description = "Evaluate a flag for one unit (user id, account id…).")
public final class EvaluateCommand extends ApiCommand {
  @Parameters(paramLabel = "FLAG", description = "The flag key (a plan's target.flag).")
  String flag;

  @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "The id bucketed.")
  String unit;

  @Option(
      names = "--attr",
      paramLabel = "KEY=VALUE",
      description = "An attribute of the evaluation context, matched against audiences.")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Override
  int run(ApiClient client) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("unit", unit);
    attributes.forEach(query::putIfAbsent);
    JsonNode result =
        client
            .get("/flags/" + ApiClient.segment(flag) + "/evaluate" + ApiClient.query(query))
            .json();
    if (output.json()) {
      printJson(result);
      return ExitCodes.OK;
    }
    new TextTable("FLAG", "UNIT", "ENABLED", "VARIANT", "REASON", "BUCKET")
        .row(
            flag,
            unit,
            result.path("enabled").asText(),
            result.path("variant").asText(),
            result.path("reason").asText()
                + (result.has("audience") ? " (" + result.path("audience").asText() + ")" : ""),
            result.path("bucket").asText())
        .print(out());
    return ExitCodes.OK;
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists rollouts, newest first, following the API's pages. */
@Command(name = "list", description = "List rollouts, newest first.")
public final class ListCommand extends ApiCommand {
  @Option(names = "--status", paramLabel = "STATUS", description = "Only rollouts in this status.")
  RolloutStatus status;

  @Override
  int run(ApiClient client) {
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    String next = null;
    Instant now = null;
    do {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("status", status == null ? null : status.name());
      query.put("nextToken", next);
      ApiResult answer = client.get("/rollouts" + ApiClient.query(query));
      now = now == null ? answer.serverTime() : now;
      JsonNode page = answer.json();
      page.path("items").forEach(items::add);
      next = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
    } while (next != null);
    if (output.json()) {
      printJson(JsonNodeFactory.instance.objectNode().set("items", items));
      return ExitCodes.OK;
    }
    TextTable table =
        new TextTable("ID", "STATUS", "PHASE", "EXPOSURE", "REVISION", "UPDATED", "ETA");
    ZoneId zone = ZoneId.systemDefault();
    for (JsonNode r : items) {
      JsonNode progress = r.path("progress");
      table.row(
          r.path("id").asText(),
          r.path("status").asText(),
          RolloutScreen.phaseOf(progress),
          RolloutScreen.exposureOf(progress.path("exposure")),
          r.path("revision").asText(),
          r.path("updatedAt").asText("-"),
          EtaText.column(r.path("eta"), now, zone));
    }
    table.print(out());
    return ExitCodes.OK;
  }
}

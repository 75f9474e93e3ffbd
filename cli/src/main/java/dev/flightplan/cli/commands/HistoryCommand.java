package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.options.RolloutIdParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The decisions and actions of a rollout, oldest first. */
@Command(name = "history", description = "Show a rollout's decisions and actions, oldest first.")
public final class HistoryCommand extends ApiCommand {
  @Mixin RolloutIdParameter rolloutId;

  @Override
  int run(ApiClient client) {
    JsonNode history = client.get(rolloutPath(rolloutId.get()) + "/history").json();
    if (output.json()) {
      printJson(history);
      return ExitCodes.OK;
    }
    TextTable table =
        new TextTable("SEQ", "AT", "ACTOR", "ACTION", "STATUS", "PHASE", "GATE", "REASON");
    for (JsonNode e : history.path("items")) {
      table.row(
          e.path("seq").asText(),
          e.path("at").asText(),
          e.path("actor").asText(),
          e.path("action").asText(),
          transition(e),
          phase(e.path("phase")),
          e.path("gate").asText("-"),
          e.path("reason").asText("-"));
    }
    table.print(out());
    return ExitCodes.OK;
  }

  /**
   * Counted from 1, as {@code get} shows it; {@code -} before the first phase and after a rollback.
   */
  private static String phase(JsonNode phase) {
    return phase.isInt() && phase.asInt() >= 0 ? String.valueOf(phase.asInt() + 1) : "-";
  }

  private static String transition(JsonNode entry) {
    String from = entry.path("from").asText("");
    String to = entry.path("to").asText("");
    if (from.isEmpty() || from.equals("null")) {
      return to.isEmpty() || to.equals("null") ? "-" : to;
    }
    return from.equals(to) || to.isEmpty() ? from : from + "->" + to;
  }
}

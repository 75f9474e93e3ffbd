package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Marks one checklist item of a rollout done. */
@Command(name = "checklist", description = "Mark a checklist item of a rollout done.")
public final class ChecklistCommand extends ActionCommand {
  @Parameters(index = "1", paramLabel = "ITEM", description = "An item of the plan's checklist.")
  String item;

  @Override
  String actionPath() {
    return rolloutPath(id()) + "/checklist/" + ApiClient.segment(item);
  }

  @Override
  int show(JsonNode rollout) {
    if (output.json()) {
      printJson(rollout);
    } else {
      JsonNode checklist = rollout.path("state").path("checklist");
      out()
          .println(
              TerminalText.escape(
                  rollout.path("id").asText()
                      + ": checklist done: "
                      + join(checklist.path("done"))
                      + "; open: "
                      + join(checklist.path("open"))));
      out().flush();
    }
    return ExitCodes.OK;
  }

  private static String join(JsonNode items) {
    StringBuilder text = new StringBuilder();
    items.forEach(i -> text.append(text.isEmpty() ? "" : ", ").append(i.asText()));
    return text.isEmpty() ? "-" : text.toString();
  }
}

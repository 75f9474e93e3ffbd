package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.cli.options.PlanFileOption;
import picocli.CommandLine.Mixin;

/** A command that sends a plan file: checks it locally first, so errors show before any call. */
abstract class PlanCommand extends ApiCommand {
  @Mixin PlanFileOption file;

  /** Reads and validates the file; invalid plans end the command with exit code 2. */
  PlanFile planFile() {
    PlanFile planFile = PlanFile.read(file.path());
    planFile.plan();
    return planFile;
  }

  /** Prints what the API answered: the rollout in JSON, or one line saying what happened. */
  int report(ApiResult result, String done) {
    JsonNode rollout = result.json();
    if (output.json()) {
      printJson(rollout);
    } else {
      out()
          .println(
              TerminalText.escape(
                  "rollout "
                      + rollout.path("id").asText()
                      + " "
                      + done
                      + ": "
                      + rollout.path("status").asText()
                      + ", revision "
                      + rollout.path("revision").asText()));
      out().flush();
    }
    return ExitCodes.OK;
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiResult;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A command that sends a plan file: checks it locally first, so errors show before any call. */
abstract class PlanCommand extends ApiCommand {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "PLAN",
      description = "The plan, YAML or JSON.")
  Path file;

  /** Reads and validates the file; invalid plans end the command with exit code 2. */
  PlanFile planFile() {
    PlanFile planFile = PlanFile.read(file);
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
              "rollout "
                  + rollout.path("id").asText()
                  + " "
                  + done
                  + ": "
                  + rollout.path("status").asText()
                  + ", revision "
                  + rollout.path("revision").asText());
      out().flush();
    }
    return ExitCodes.OK;
  }
}

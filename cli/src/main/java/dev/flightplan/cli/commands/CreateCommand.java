package dev.flightplan.cli.commands;

import dev.flightplan.cli.api.ApiClient;
import picocli.CommandLine.Command;

/** Creates a rollout from a plan; refused (exit 4) when the id exists. */
@Command(name = "create", description = "Create a rollout from a plan file (it starts in DRAFT).")
public final class CreateCommand extends PlanCommand {
  @Override
  int run(ApiClient client) {
    PlanFile plan = planFile();
    return report(client.post("/rollouts", plan.mediaType(), plan.text()), "created");
  }
}

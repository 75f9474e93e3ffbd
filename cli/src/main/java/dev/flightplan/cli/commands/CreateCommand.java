package dev.flightplan.cli.commands;

import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiProblem;
import java.util.List;
import picocli.CommandLine.Command;

/** Creates a rollout from a plan; refused (exit 4) when the id exists. */
@Command(name = "create", description = "Create a rollout from a plan file (it starts in DRAFT).")
public final class CreateCommand extends PlanCommand {
  /** The API's title for a create whose id is taken. */
  private static final String EXISTS = "Rollout exists";

  @Override
  int run(ApiClient client) {
    PlanFile plan = planFile();
    try {
      return report(client.post("/rollouts", plan.mediaType(), plan.text()), "created");
    } catch (ApiProblem problem) {
      if (problem.status() != 409 || !EXISTS.equals(problem.title())) {
        throw problem;
      }
      // The API speaks of PUT and If-Match; on the command line, apply is the way.
      String id = plan.plan().id();
      throw new ApiProblem(
          409,
          EXISTS,
          "rollout "
              + id
              + " already exists; change it with `flightplan apply -f "
              + plan.path()
              + "`, or pick another id",
          List.of());
    }
  }
}

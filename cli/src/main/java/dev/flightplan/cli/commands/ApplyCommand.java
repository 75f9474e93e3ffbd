package dev.flightplan.cli.commands;

import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiProblem;
import dev.flightplan.cli.api.ApiResult;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;

/**
 * Creates the rollout, or replaces its plan. The update carries the {@code ETag} of a read made
 * just before, so a change someone else made in between is refused (412) rather than overwritten.
 */
@Command(
    name = "apply",
    description = "Create the rollout of a plan file, or update its plan (a new revision).")
public final class ApplyCommand extends PlanCommand {
  @Override
  int run(ApiClient client) {
    PlanFile plan = planFile();
    String path = rolloutPath(plan.plan().id());
    ApiResult current;
    try {
      current = client.get(path);
    } catch (ApiProblem problem) {
      if (problem.status() != 404) {
        throw problem;
      }
      return report(client.post("/rollouts", plan.mediaType(), plan.text()), "created");
    }
    // The API always sends an ETag; "*" only keeps a missing one from failing here.
    String etag = Objects.requireNonNullElse(current.header("ETag"), "*");
    Map<String, String> headers = Map.of("Content-Type", plan.mediaType(), "If-Match", etag);
    ApiResult replaced = client.send("PUT", path, headers, plan.text());
    String before = current.json().path("revision").asText();
    boolean same = before.equals(replaced.json().path("revision").asText());
    return report(
        replaced, same ? "unchanged (the plan is the same as revision " + before + ")" : "updated");
  }
}

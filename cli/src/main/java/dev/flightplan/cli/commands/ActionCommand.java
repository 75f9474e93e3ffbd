package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.options.RolloutIdParameter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code POST /rollouts/{id}/{action}}: one subclass per action, named after it. */
abstract class ActionCommand extends ApiCommand {
  @Mixin RolloutIdParameter rolloutId;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why, in your words; recorded in the history.")
  String reason;

  /** The action's name in the API path. */
  String action() {
    return spec.name();
  }

  /** Whether the action may go ahead; destructive actions ask first. */
  boolean confirmed() {
    return true;
  }

  @Override
  int run(ApiClient client) {
    if (!confirmed()) {
      return ExitCodes.REFUSED;
    }
    return show(client.post(actionPath(), "application/json", body()).json());
  }

  String id() {
    return rolloutId.get();
  }

  String actionPath() {
    return rolloutPath(id()) + "/" + action();
  }

  String body() {
    return reason == null
        ? "{}"
        : JsonNodeFactory.instance.objectNode().put("reason", reason).toString();
  }

  int show(JsonNode rollout) {
    if (output.json()) {
      printJson(rollout);
    } else {
      out().println(StatusCommand.describe(rollout));
      out().flush();
    }
    return ExitCodes.OK;
  }
}

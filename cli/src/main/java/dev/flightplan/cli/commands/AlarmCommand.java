package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alarm NAME [--state ALARM]}: an alarm state change for {@code flightplan local}, which
 * hands it to the alarm function as CloudWatch would through EventBridge. A deployed API has no
 * such route: there, CloudWatch sends the changes itself.
 */
@Command(
    name = "alarm",
    description = {
      "Send an alarm state change to flightplan local, as CloudWatch does through EventBridge:",
      "rollouts whose plan binds the alarm roll back when it enters ALARM."
    })
public final class AlarmCommand extends ApiCommand {
  /** The states a CloudWatch alarm can enter. */
  enum State {
    ALARM,
    OK,
    INSUFFICIENT_DATA
  }

  @Parameters(index = "0", paramLabel = "NAME", description = "The alarm's name, as in plans.")
  String name;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description = "ALARM (default), OK or INSUFFICIENT_DATA.")
  State state = State.ALARM;

  @Override
  int run(ApiClient client) {
    JsonNode answer;
    try {
      answer =
          client
              .post(
                  "/local/alarms/" + ApiClient.segment(name) + "?state=" + state,
                  "application/json",
                  "")
              .json();
    } catch (ApiProblem problem) {
      if (problem.status() != 404) {
        throw problem;
      }
      err()
          .println(
              "error: the API at "
                  + TerminalText.escape(client.endpoint())
                  + " takes no alarms; only flightplan local does. In AWS, CloudWatch sends alarm"
                  + " state changes through EventBridge.");
      return ExitCodes.NOT_FOUND;
    }
    if (output.json()) {
      printJson(answer);
      return ExitCodes.OK;
    }
    for (JsonNode change : answer.path("changes")) {
      out().println(TerminalText.escape(describe(change)));
    }
    out().flush();
    return ExitCodes.OK;
  }

  /** {@code alarm checkout-5xx entered ALARM: rolled back checkout-v2}. */
  static String describe(JsonNode change) {
    List<String> rolledBack = new ArrayList<>();
    change.path("rolledBack").forEach(id -> rolledBack.add(id.asText()));
    String what =
        rolledBack.isEmpty()
            ? "no active rollout is bound to it"
            : "rolled back " + String.join(", ", rolledBack);
    return "alarm "
        + change.path("alarm").asText()
        + " entered "
        + change.path("state").asText()
        + ": "
        + what;
  }
}

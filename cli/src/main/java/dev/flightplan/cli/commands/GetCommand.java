package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows one rollout; with {@code -w}, redraws until it ends or the user interrupts. */
@Command(name = "get", description = "Show a rollout: state, phase, exposure, gates, decisions.")
public final class GetCommand extends ApiCommand {
  /** Moves the cursor home and clears the screen. */
  private static final String CLEAR = "\033[H\033[2J";

  @Parameters(paramLabel = "ID", description = "The rollout id.")
  String id;

  @Option(
      names = {"-w", "--watch"},
      description = "Redraw every --interval until the rollout ends.")
  boolean watch;

  @Option(
      names = "--interval",
      defaultValue = "5s",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How often -w redraws (default 5s).")
  Duration interval;

  @Override
  int run(ApiClient client) {
    boolean clear = watch && Terminal.isInteractive();
    while (true) {
      ApiResult answer = client.get(rolloutPath(id));
      JsonNode rollout = answer.json();
      if (output.json()) {
        printJson(rollout);
      } else {
        JsonNode history = client.get(rolloutPath(id) + "/history").json().path("items");
        String screen = RolloutScreen.render(rollout, history, answer.serverTime());
        out().print(clear ? CLEAR + screen : screen);
        out().flush();
      }
      if (!watch || RolloutStatus.valueOf(rollout.path("status").asText()).isTerminal()) {
        return ExitCodes.OK;
      }
      if (!Pause.sleep(interval)) {
        return ExitCodes.OK;
      }
      if (!clear) {
        out().println();
      }
    }
  }
}

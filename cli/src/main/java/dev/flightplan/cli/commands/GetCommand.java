package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.cli.options.PollInterval;
import dev.flightplan.cli.options.RolloutIdParameter;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Shows one rollout; with {@code -w}, redraws until it ends, the user interrupts, or whoever reads
 * the output stops reading.
 */
@Command(name = "get", description = "Show a rollout: state, phase, exposure, gates, decisions.")
public final class GetCommand extends ApiCommand {
  /** Moves the cursor home and clears the screen. */
  private static final String CLEAR = "\033[H\033[2J";

  @Mixin RolloutIdParameter rolloutId;

  @Option(
      names = {"-w", "--watch"},
      description = "Redraw every --interval until the rollout ends.")
  boolean watch;

  // The default is also written in the option's help, in SharedOptionHelp.properties.
  @Mixin PollInterval interval = new PollInterval(Duration.ofSeconds(5));

  @Override
  int run(ApiClient client) {
    boolean clear = watch && Terminal.isInteractive();
    String id = rolloutId.get();
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
      if (Terminal.outputClosed(out())) {
        return ExitCodes.OK; // e.g. `get -w | head`: nobody reads any more
      }
      if (!watch || RolloutStatus.valueOf(rollout.path("status").asText()).isTerminal()) {
        return ExitCodes.OK;
      }
      if (!interval.sleep()) {
        return ExitCodes.OK;
      }
      if (!clear) {
        out().println();
      }
    }
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.options.DurationConverter;
import dev.flightplan.cli.options.PollInterval;
import dev.flightplan.cli.options.RolloutIdParameter;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Waits for a rollout to end, so a pipeline can wait on it: exit 0 when it completed, 5 when it was
 * rolled back or aborted, 6 when the timeout passed first.
 */
@Command(
    name = "status",
    description = {
      "Wait until a rollout ends.",
      "Exit 0: COMPLETED; 5: ROLLED_BACK or ABORTED; 6: still going at --timeout."
    })
public final class StatusCommand extends ApiCommand {
  @Mixin RolloutIdParameter rolloutId;

  @Option(
      names = "--timeout",
      defaultValue = "30m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait (default 30m).")
  Duration timeout;

  // The default is also written in the option's help, in SharedOptionHelp.properties.
  @Mixin PollInterval interval = new PollInterval(Duration.ofSeconds(10));

  @Override
  int run(ApiClient client) {
    Instant deadline = Instant.now().plus(timeout);
    String shown = null;
    while (true) {
      JsonNode rollout = client.get(rolloutPath(rolloutId.get())).json();
      RolloutStatus status = RolloutStatus.valueOf(rollout.path("status").asText());
      String line = describe(rollout);
      if (!output.json() && !line.equals(shown)) {
        out().println(line);
        out().flush();
        shown = line;
      }
      if (status.isTerminal()) {
        return finish(
            rollout, status == RolloutStatus.COMPLETED ? ExitCodes.OK : ExitCodes.ENDED_BADLY);
      }
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        err().println("timed out after " + RolloutScreen.human(timeout) + ": " + line);
        return finish(rollout, ExitCodes.TIMEOUT);
      }
      if (!interval.sleepAtMost(left)) {
        return ExitCodes.ERROR;
      }
    }
  }

  private int finish(JsonNode rollout, int code) {
    if (output.json()) {
      printJson(rollout);
    }
    return code;
  }

  static String describe(JsonNode rollout) {
    JsonNode progress = rollout.path("progress");
    return TerminalText.escape(
        rollout.path("id").asText()
            + ": "
            + rollout.path("status").asText()
            + ", phase "
            + RolloutScreen.phaseOf(progress)
            + ", exposure "
            + RolloutScreen.exposureOf(progress.path("exposure")));
  }
}

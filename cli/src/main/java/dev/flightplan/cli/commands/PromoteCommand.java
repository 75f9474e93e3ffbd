package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.api.ApiClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code promote ID}: one phase forward now. It skips the bake and the {@code require} gates, and
 * says so; when a gate paused the rollout, promoting overrides that gate, so it asks first.
 */
@Command(
    name = "promote",
    description = {
      "Move to the next phase now, skipping the rest of the bake and the require gates.",
      "Asks first (or needs --yes) when a gate paused the rollout: promoting overrides it."
    })
public final class PromoteCommand extends ActionCommand {
  @Option(
      names = {"-y", "--yes"},
      description =
          "Do not ask before overriding a gate's pause (needed when stdin is not a terminal).")
  boolean yes;

  @Override
  int run(ApiClient client) {
    JsonNode rollout = client.get(rolloutPath(id())).json();
    List<String> skipped = requireGates(rollout);
    String pausingGate = pausingGate(rollout, client);
    if (pausingGate != null) {
      skipped.add(0, pausingGate);
      String question =
          "gate "
              + pausingGate
              + " paused "
              + id()
              + "; promote overrides it"
              + alsoSkipped(skipped.subList(1, skipped.size()))
              + ". Promote?";
      if (!Confirmation.obtained(
          yes, "promote of " + id() + " over gate " + pausingGate, question, err())) {
        return ExitCodes.REFUSED;
      }
    }
    if (!skipped.isEmpty()) {
      err().println("skipping gates: " + String.join(", ", skipped));
      err().flush();
    }
    return super.run(client);
  }

  /** The plan's {@code require} gates: promoting moves on without them. */
  private static List<String> requireGates(JsonNode rollout) {
    List<String> names = new ArrayList<>();
    for (JsonNode gate : rollout.path("plan").path("gates")) {
      if ("require".equals(gate.path("action").asText())) {
        names.add(gate.path("name").asText());
      }
    }
    return names;
  }

  /** The gate whose pause holds the rollout now, or null when it is not paused by a gate. */
  private String pausingGate(JsonNode rollout, ApiClient client) {
    if (!"PAUSED".equals(rollout.path("status").asText())) {
      return null;
    }
    JsonNode history = client.get(rolloutPath(id()) + "/history").json().path("items");
    for (int i = history.size() - 1; i >= 0; i--) {
      JsonNode entry = history.get(i);
      if ("PAUSED".equals(entry.path("to").asText())
          && !"PAUSED".equals(entry.path("from").asText())) {
        String gate = entry.path("gate").asText("");
        return gate.isEmpty() ? null : gate;
      }
    }
    return null;
  }

  private static String alsoSkipped(List<String> requireGates) {
    return requireGates.isEmpty() ? "" : " and skips " + String.join(", ", requireGates);
  }
}

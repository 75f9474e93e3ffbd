package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.change.Intent;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.state.Command;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.ApiResponse;
import dev.flightplan.functions.http.Excerpt;
import dev.flightplan.functions.http.FreeText;
import dev.flightplan.functions.http.Json;
import dev.flightplan.functions.http.ProblemResponses;
import dev.flightplan.functions.http.ProblemType;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /rollouts/{id}/{action}} and {@code POST /rollouts/{id}/checklist/{item}}. Whether a
 * command is allowed now is the core's call; a refusal comes back as 409 with its reason.
 */
final class CommandEndpoints {
  /** The actions of the {@code {action}} route: every command but the checklist's own. */
  static final List<String> ACTIONS =
      Arrays.stream(Command.values())
          .filter(c -> c != Command.CHECKLIST)
          .map(Command::wireName)
          .toList();

  /** Enough to say why; the reason is kept in the history and sent in notifications. */
  static final int MAX_REASON_LENGTH = 1_024;

  private static final String REASON = "reason";
  private final RolloutCommands commands;
  private final Clock clock;

  CommandEndpoints(RolloutCommands commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
  }

  ApiResponse action(ApiRequest request) {
    String name = request.pathParam("action");
    Command command =
        Command.fromWireName(name)
            .filter(c -> c != Command.CHECKLIST)
            .orElseThrow(
                () ->
                    ProblemResponses.notFound(
                        "no action " + name + "; actions: " + String.join(", ", ACTIONS)));
    Intent intent = new Intent(command, request.actor(), reason(request), null);
    return RolloutEndpoints.ok(commands.execute(request.pathParam("id"), intent), clock);
  }

  ApiResponse checklist(ApiRequest request) {
    String item = request.pathParam("item");
    Intent intent = new Intent(Command.CHECKLIST, request.actor(), reason(request), item);
    return RolloutEndpoints.ok(commands.execute(request.pathParam("id"), intent), clock);
  }

  /** The optional {@code {"reason": "..."}} body. */
  private static String reason(ApiRequest request) {
    if (!request.hasBody()) {
      return null;
    }
    String contentType = request.header("Content-Type");
    if (contentType != null
        && PlanFormat.ofMediaType(contentType).orElse(null) != PlanFormat.JSON) {
      throw ProblemResponses.of(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type "
              + Excerpt.of(contentType)
              + " is not JSON; send {\"reason\": \"...\"} as JSON");
    }
    JsonNode body = Json.read(request.body());
    JsonNode reason = body.path(REASON);
    if (!body.isObject() || !(reason.isMissingNode() || reason.isNull() || reason.isTextual())) {
      throw ProblemResponses.badRequest(
          "the body must be {\"reason\": \"...\"} with a text reason");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals(REASON)) {
                throw ProblemResponses.invalidField(
                    Excerpt.of(name), "is not a field of this body", "send only reason");
              }
            });
    if (!reason.isTextual()) {
      return null;
    }
    FreeText.require(REASON, reason.asText(), MAX_REASON_LENGTH);
    return reason.asText().isBlank() ? null : reason.asText();
  }
}

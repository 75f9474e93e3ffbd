package dev.flightplan.functions.packaging;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.functions.AlarmHandler;
import dev.flightplan.functions.ApiHandler;
import dev.flightplan.functions.ControllerHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Run by {@link LambdaPackageRunIT} in a fresh JVM on the unpacked Lambda package alone (and this
 * class): builds the three handlers as Lambda does, runs their SnapStart priming, then creates and
 * starts a rollout through the API, ticks the controller and delivers an alarm, printing one {@code
 * step=result} line for each. Events are read from the repository's fixtures with the package's
 * Jackson, binding JSON to the event types by their setters as the Lambda runtime does.
 *
 * <p>Usage: {@code PackagedHandlers <events dir> <rollout id> <plan file>}.
 */
public final class PackagedHandlers {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private PackagedHandlers() {}

  public static void main(String[] args) throws IOException {
    Path events = Path.of(args[0]);
    String id = args[1];
    String plan = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    ApiHandler api = new ApiHandler();
    ControllerHandler controller = new ControllerHandler();
    AlarmHandler alarm = new AlarmHandler();
    api.priming().prime();
    controller.priming().prime();
    alarm.priming().prime();
    System.out.println("primed=3");

    APIGatewayProxyRequestEvent create = apiEvent(events, "create-rollout-yaml");
    create.setBody(plan);
    System.out.println("create=" + api.handleRequest(create, new RunContext()).getStatusCode());
    System.out.println(
        "start="
            + api.handleRequest(action(events, id, "start"), new RunContext()).getStatusCode());

    Map<String, Object> tick =
        Map.of(
            "source",
            "flightplan.schedule",
            "scheduledTime",
            Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
    Map<String, Object> summary = controller.handleRequest(tick, new RunContext());
    System.out.println(
        "tick=evaluated:" + summary.get("evaluated") + ",failed:" + summary.get("failed"));

    @SuppressWarnings("unchecked")
    Map<String, Object> alarmEvent =
        JSON.readValue(
            events.resolve("alarm/eventbridge-alarm-state-change.json").toFile(), Map.class);
    System.out.println("alarm=" + alarm.handleRequest(alarmEvent, new RunContext()));

    APIGatewayProxyRequestEvent get = apiEvent(events, "get-rollout");
    get.setPath("/rollouts/" + id);
    get.setPathParameters(Map.of("id", id));
    System.out.println("get=" + api.handleRequest(get, new RunContext()).getBody());
    System.exit(0);
  }

  private static APIGatewayProxyRequestEvent action(Path events, String id, String action)
      throws IOException {
    APIGatewayProxyRequestEvent event = apiEvent(events, action + "-rollout");
    event.setPath("/rollouts/" + id + "/" + action);
    event.setPathParameters(Map.of("id", id, "action", action));
    return event;
  }

  private static APIGatewayProxyRequestEvent apiEvent(Path events, String name) throws IOException {
    return JSON.readValue(
        events.resolve("api").resolve(name + ".json").toFile(), APIGatewayProxyRequestEvent.class);
  }
}

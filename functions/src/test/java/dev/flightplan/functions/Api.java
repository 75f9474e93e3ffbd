package dev.flightplan.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The API handler over in-memory ports and a test clock, fed the {@code events/api} fixtures the
 * way the Lambda runtime would read them.
 */
public final class Api {
  public static final String ID = "new-search-algorithm";
  public static final String YAML_ID = "checkout-v2";
  public static final String ACTOR =
      "arn:aws:sts::123456789012:assumed-role/FlightplanEngineers/ana";
  public static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

  public final TestClock clock = new TestClock(T0);
  public final Wiring wiring;
  public final ApiHandler handler;

  public Api() {
    this.wiring = InMemoryWiring.create(clock);
    this.handler = new ApiHandler(wiring);
  }

  public Api(Wiring wiring) {
    this.wiring = wiring;
    this.handler = new ApiHandler(wiring);
  }

  /** A fixture from {@code events/api}, e.g. {@code "get-rollout"}. */
  public static APIGatewayProxyRequestEvent event(String name) {
    return EventLoader.loadApiGatewayRestEvent("events/api/" + name + ".json");
  }

  public Reply send(String fixture) {
    return send(event(fixture));
  }

  public Reply send(String fixture, UnaryOperator<APIGatewayProxyRequestEvent> change) {
    return send(change.apply(event(fixture)));
  }

  public Reply send(APIGatewayProxyRequestEvent event) {
    return new Reply(handler.handleRequest(event, new FakeContext("lambda-request-1")));
  }

  /** Created from the JSON fixture, checklist done and started: RUNNING in its first phase. */
  public Reply createdAndStarted() {
    send("create-rollout-json").expect(201);
    send("checklist-item").expect(200);
    return send("start-rollout").expect(200);
  }

  /** Puts the stored rollout in another state, as the controller would. */
  public void arrange(String id, UnaryOperator<RolloutState> change) {
    Rollout current = wiring.store().get(id).orElseThrow();
    wiring
        .store()
        .update(
            new Rollout(current.plan(), change.apply(current.state()), current.version()),
            List.of());
  }

  // Event edits, for the cases the fixtures do not cover as they are.

  public static UnaryOperator<APIGatewayProxyRequestEvent> header(String name, String value) {
    return e -> {
      Map<String, String> headers = new HashMap<>(e.getHeaders());
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      Map<String, List<String>> multi = new HashMap<>(e.getMultiValueHeaders());
      multi.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      if (value != null) {
        headers.put(name, value);
        multi.put(name, List.of(value));
      }
      return e.withHeaders(headers).withMultiValueHeaders(multi);
    };
  }

  public static UnaryOperator<APIGatewayProxyRequestEvent> body(String body) {
    return e -> e.withBody(body);
  }

  public static UnaryOperator<APIGatewayProxyRequestEvent> path(String path) {
    return e -> e.withPath(path);
  }

  public static UnaryOperator<APIGatewayProxyRequestEvent> query(Map<String, String> query) {
    return e -> {
      Map<String, List<String>> multi = new HashMap<>();
      query.forEach((k, v) -> multi.put(k, List.of(v)));
      return e.withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
          .withMultiValueQueryStringParameters(multi.isEmpty() ? null : multi);
    };
  }
}

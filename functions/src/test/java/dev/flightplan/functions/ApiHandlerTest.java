package dev.flightplan.functions;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.http.ApiGatewayEvents;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every route shares: routing, size limits, actors, and unexpected failures. */
class ApiHandlerTest {
  private final Api api = new Api();

  @Test
  void anUnknownPathIs404() {
    api.send("get-rollout", path("/deployments/" + ID)).problem(404);
    api.send("get-rollout", path("/")).problem(404);
    api.send("get-rollout", path("/rollouts/" + ID + "/checklist/a/b")).problem(404);
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    Reply delete = api.send("get-rollout", e -> e.withHttpMethod("DELETE"));
    Reply getAction = api.send("start-rollout", e -> e.withHttpMethod("GET"));
    Reply postHistory = api.send("rollout-history", e -> e.withHttpMethod("POST"));

    delete.problem(405);
    assertThat(delete.header("Allow")).isEqualTo("GET, PUT");
    assertThat(getAction.problem(405).path("detail").asText()).contains("POST");
    assertThat(getAction.header("Allow")).isEqualTo("POST");
    assertThat(postHistory.header("Allow")).isEqualTo("GET");
    assertThat(api.send("list-rollouts", e -> e.withHttpMethod("PATCH")).header("Allow"))
        .isEqualTo("GET, POST");
  }

  @Test
  void bodiesOver256KiBAre413() {
    String big = "{\"rollout\": \"" + ID + "\", \"description\": \"" + "x".repeat(262_144) + "\"}";

    JsonNode problem = api.send("create-rollout-json", body(big)).problem(413);

    assertThat(problem.path("detail").asText()).contains("256 KiB");
    assertThat(api.wiring.store().get(ID)).isEmpty();
  }

  @Test
  void aBodyOfExactly256KiBIsRead() {
    String head = "{\"rollout\": \"big\", \"description\": \"";
    String big = head + "x".repeat(262_144 - head.length() - 2) + "\"}";

    // Read, and refused for what it says, not for its size.
    api.send("create-rollout-json", body(big)).problem(400);
  }

  @Test
  void base64BodiesAreMeasuredDecoded() {
    byte[] under = new byte[200_000]; // about 267 KB once encoded
    byte[] over = new byte[262_145];
    java.util.Arrays.fill(under, (byte) ' ');
    java.util.Arrays.fill(over, (byte) ' ');

    assertThat(sendBase64(under).status()).isEqualTo(400);
    sendBase64(over).problem(413);
  }

  @Test
  void multiByteCharactersCountAsTheirUtf8Bytes() {
    // 100,000 characters of three bytes each: 300,000 bytes.
    String big = "{\"description\": \"" + "€".repeat(100_000) + "\"}";

    api.send("create-rollout-json", body(big)).problem(413);
  }

  @Test
  void theActorFallsBackToTheCallerThenAnonymous() {
    api.send("create-rollout-json", e -> withIdentity(e, null, "AROAEXAMPLE:bob")).expect(201);
    api.send("checklist-item", e -> withIdentity(e, null, null)).expect(200);

    assertThat(api.wiring.store().history(ID))
        .extracting(h -> h.actor())
        .containsExactly("AROAEXAMPLE:bob", ApiGatewayEvents.ANONYMOUS);
  }

  @Test
  void anUnexpectedFailureIs500WithTheRequestIdAndNoInternals() {
    InMemoryRolloutStore broken =
        new InMemoryRolloutStore() {
          @Override
          public synchronized Optional<Rollout> get(String id) {
            throw new IllegalStateException("table flightplan-rollouts: secret internals");
          }
        };
    Api failing =
        new Api(
            InMemoryWiring.over(
                new Api().clock, broken, new InMemoryActuator(), new RecordingNotifier()));

    Reply reply = failing.send("get-rollout");

    JsonNode problem = reply.problem(500);
    String requestId = Api.event("get-rollout").getRequestContext().getRequestId();
    assertThat(problem.path("requestId").asText()).isEqualTo(requestId);
    assertThat(problem.path("detail").asText()).contains(requestId);
    assertThat(reply.body()).doesNotContain("secret", "flightplan-rollouts", "IllegalState");
  }

  @Test
  void theRequestIdComesFromTheLambdaContextWithoutOne() {
    APIGatewayProxyRequestEvent event = Api.event("get-rollout");
    event.getRequestContext().setRequestId(null);

    assertThat(ApiGatewayEvents.requestId(event, new FakeContext("lambda-7")))
        .isEqualTo("lambda-7");
  }

  @Test
  void anEmptyEventIsNotFoundRatherThanAFailure() {
    new Reply(api.handler.handleRequest(new APIGatewayProxyRequestEvent(), null)).problem(404);
  }

  private Reply sendBase64(byte[] bytes) {
    String encoded = Base64.getEncoder().encodeToString(bytes);
    return api.send("create-rollout-json", e -> e.withBody(encoded).withIsBase64Encoded(true));
  }

  private static APIGatewayProxyRequestEvent withIdentity(
      APIGatewayProxyRequestEvent event, String userArn, String caller) {
    var identity = event.getRequestContext().getIdentity();
    identity.setUserArn(userArn);
    identity.setCaller(caller);
    identity.setUser(null);
    return event;
  }
}

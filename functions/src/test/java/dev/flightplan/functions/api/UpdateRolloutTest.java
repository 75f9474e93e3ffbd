package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ACTOR;
import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import org.junit.jupiter.api.Test;

class UpdateRolloutTest {
  private final Api api = new Api();

  @Test
  void replacesTheDraftsPlanAsANewRevisionAndMovesTheETag() {
    String before = api.send("create-rollout-json").expect(201).header("ETag");

    Reply reply = api.send("update-rollout").expect(200);

    assertThat(before).isEqualTo("\"v1\"");
    assertThat(reply.header("ETag")).isEqualTo("\"v2\"");
    assertThat(api.send("get-rollout").header("ETag")).isEqualTo("\"v2\"");
    JsonNode body = reply.json();
    assertThat(body.path("revision").asInt()).isEqualTo(2);
    assertThat(body.path("plan").path("phases").get(1).path("bake").asText()).isEqualTo("4d");
    assertThat(api.wiring.store().history(ID).getLast().actor()).isEqualTo(ACTOR);
  }

  @Test
  void replacesARunningRolloutsPlanWithTheTagOfItsLastRead() {
    api.createdAndStarted();
    String etag = api.send("get-rollout").expect(200).header("ETag");

    Reply reply = api.send("update-rollout", header("If-Match", etag)).expect(200);

    assertThat(reply.header("ETag")).isNotEqualTo(etag);
    assertThat(reply.json().path("status").asText()).isEqualTo("RUNNING");
    assertThat(reply.json().path("revision").asInt()).isEqualTo(2);
  }

  @Test
  void aStaleIfMatchIs412WithTheCurrentTag() {
    String current = api.createdAndStarted().header("ETag");

    Reply reply = api.send("update-rollout");

    assertThat(reply.problem(412).path("detail").asText()).contains(current);
    assertThat(reply.header("ETag")).isEqualTo(current);
    assertThat(api.wiring.store().get(ID).orElseThrow().state().revision()).isEqualTo(1);
  }

  @Test
  void theSameIfMatchTwiceIs412TheSecondTime() {
    api.send("create-rollout-json").expect(201);

    api.send("update-rollout").expect(200);
    api.send("update-rollout").problem(412);
  }

  @Test
  void aTagNotMadeHereIs412() {
    api.createdAndStarted();

    api.send("update-rollout", header("If-Match", "\"abc\"")).problem(412);
  }

  @Test
  void starAndListsMatch() {
    api.createdAndStarted();

    String etag = api.send("get-rollout").header("ETag");
    api.send("update-rollout", header("If-Match", "\"v1\", " + etag)).expect(200);
    api.send("update-rollout", header("If-Match", "*")).expect(200);
  }

  @Test
  void aWeakTagNeverMatchesSoIsStale412() {
    api.createdAndStarted();
    String etag = api.send("get-rollout").header("ETag");

    Reply reply = api.send("update-rollout", header("If-Match", "W/" + etag));

    reply.problem(412);
    assertThat(reply.header("ETag")).isEqualTo(etag);
    assertThat(api.wiring.store().get(ID).orElseThrow().state().revision()).isEqualTo(1);
  }

  @Test
  void withoutIfMatchIs428() {
    api.createdAndStarted();

    JsonNode problem = api.send("update-rollout", header("If-Match", null)).problem(428);

    assertThat(problem.path("detail").asText()).contains("If-Match");
  }

  @Test
  void aFinishedRolloutKeepsItsPlan409() {
    api.createdAndStarted();
    api.arrange(ID, s -> s.toBuilder().status(RolloutStatus.COMPLETED).build());

    JsonNode problem = api.send("update-rollout", header("If-Match", "*")).problem(409);

    assertThat(problem.path("detail").asText()).contains("COMPLETED");
  }

  @Test
  void anUnknownRolloutIs404() {
    api.send("update-rollout").problem(404);
    api.send("update-rollout", header("If-Match", "*")).problem(404);
  }

  @Test
  void anInvalidPlanIs400() {
    api.createdAndStarted();

    JsonNode problem =
        api.send("update-rollout", Api.body("{\"rollout\": \"" + ID + "\"}")).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).isNotEmpty();
  }

  @Test
  void aPlanForAnotherRolloutIs409() {
    api.send("create-rollout-json").expect(201);
    String other = Api.event("update-rollout").getBody().replace(ID, "someone-else");

    JsonNode problem = api.send("update-rollout", Api.body(other)).problem(409);

    assertThat(problem.path("detail").asText()).contains("someone-else", ID);
  }

  @Test
  void anotherMediaTypeIs415() {
    api.createdAndStarted();

    api.send("update-rollout", header("Content-Type", "application/xml")).problem(415);
  }
}

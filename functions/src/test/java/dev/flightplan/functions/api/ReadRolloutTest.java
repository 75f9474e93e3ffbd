package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ACTOR;
import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.path;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadRolloutTest {
  private final Api api = new Api();

  @Test
  void getAnswersPlanStateProgressAndLastDecisionWithETag() {
    String etag = api.createdAndStarted().header("ETag");

    Reply reply = api.send("get-rollout").expect(200);

    long version = api.wiring.store().get(ID).orElseThrow().version();
    assertThat(reply.header("ETag")).isEqualTo(etag).isEqualTo("\"v" + version + "\"");
    JsonNode body = reply.json();
    assertThat(body.path("plan").path("rollout").asText()).isEqualTo(ID);
    assertThat(body.path("state").path("status").asText()).isEqualTo("RUNNING");
    assertThat(body.path("state").path("checklist").path("done").get(0).asText())
        .isEqualTo("on-call");
    JsonNode progress = body.path("progress");
    assertThat(progress.path("phase").asInt()).isEqualTo(1);
    assertThat(progress.path("phases").asInt()).isEqualTo(5);
    assertThat(progress.path("phaseName").asText()).isEqualTo("internal");
    assertThat(progress.path("bakeEndsAt").asText()).isEqualTo("2026-11-26T09:00:00Z");
    assertThat(progress.path("exposure").path("percent").asInt()).isZero();
    assertThat(progress.path("exposure").path("audiences").get(0).asText()).isEqualTo("employees");
    assertThat(body.path("lastDecision").path("kind").asText()).isEqualTo("START");
    assertThat(body.path("lastDecision").path("reason").asText()).contains(ACTOR);
  }

  @Test
  void getAnswers404ForAnUnknownRollout() {
    JsonNode problem = api.send("get-rollout").problem(404);

    assertThat(problem.path("detail").asText()).contains(ID);
  }

  @Test
  void historyIsOldestFirstWithActors() {
    api.createdAndStarted();

    JsonNode items = api.send("rollout-history").expect(200).json().path("items");

    assertThat(items.findValuesAsText("action")).containsExactly("CREATE", "CHECKLIST", "START");
    assertThat(items.findValuesAsText("actor")).containsOnly(ACTOR);
    assertThat(items.get(2).path("from").asText()).isEqualTo("DRAFT");
    assertThat(items.get(2).path("to").asText()).isEqualTo("RUNNING");
  }

  @Test
  void historyOfAnUnknownRolloutIs404() {
    api.send("rollout-history").problem(404);
  }

  @Test
  void listsNewestFirstAPageAtATime() {
    List<String> created = createMany(5);

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Map<String, String> q =
          token == null ? Map.of("limit", "2") : Map.of("limit", "2", "nextToken", token);
      JsonNode body = api.send("list-rollouts", query(q)).expect(200).json();
      body.path("items").forEach(item -> seen.add(item.path("id").asText()));
      token = body.path("nextToken").isNull() ? null : body.path("nextToken").asText();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(created.reversed());
  }

  @Test
  void filtersByStatus() {
    createMany(2);
    api.send("create-rollout-json").expect(201);
    api.send("checklist-item").expect(200);
    api.send("start-rollout").expect(200);

    JsonNode items = api.send("list-rollouts").expect(200).json().path("items");

    assertThat(items.findValuesAsText("id")).containsExactly(ID);
    assertThat(items.get(0).path("status").asText()).isEqualTo("RUNNING");
    assertThat(items.get(0).has("plan")).isFalse();
  }

  @Test
  void aBadStatusNamesTheAllowedValues() {
    JsonNode problem = api.send("list-rollouts", query(Map.of("status", "LIVE"))).problem(400);

    assertThat(problem.path("detail").asText())
        .contains("DRAFT", "RUNNING", "PAUSED", "AWAITING_APPROVAL", "COMPLETED", "ROLLED_BACK");
  }

  @Test
  void aBadLimitOrTokenIs400() {
    api.send("list-rollouts", query(Map.of("limit", "0"))).problem(400);
    api.send("list-rollouts", query(Map.of("limit", "many"))).problem(400);
    api.send("list-rollouts", query(Map.of("nextToken", "not-a-token"))).problem(400);
  }

  @Test
  void listWithoutQueryAnswersEverything() {
    createMany(3);

    JsonNode body = api.send("list-rollouts", query(Map.of())).expect(200).json();

    assertThat(body.path("items")).hasSize(3);
    assertThat(body.path("nextToken").isNull()).isTrue();
  }

  @Test
  void aTrailingSlashFindsTheSameRollout() {
    api.send("create-rollout-json").expect(201);

    api.send("get-rollout", path("/rollouts/" + ID + "/")).expect(200);
  }

  private List<String> createMany(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "rollout-" + i;
      String body = Api.event("create-rollout-json").getBody().replace(ID, id);
      api.send("create-rollout-json", Api.body(body)).expect(201);
      ids.add(id);
      api.clock.advance(Duration.ofMinutes(1));
    }
    return ids;
  }
}

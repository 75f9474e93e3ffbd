package dev.flightplan.functions.e2e;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.path;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input past DynamoDB's limits, through the deployed wiring on DynamoDB Local: each answer is the
 * caller's (400, 404, 413), never a 500, and nothing of a refused request is stored.
 */
class StoreLimitsIT {
  private static final int MAX_BODY = 256 * 1024;
  private static DeployedBed bed;
  private static Api api;

  @BeforeAll
  static void deploy() {
    bed = new DeployedBed();
    api = new Api(bed.wiring);
    api.send("create-rollout-json").expect(201);
    api.send("checklist-item").expect(200);
    api.send("start-rollout").expect(200);
  }

  @AfterAll
  static void tearDown() {
    bed.close();
  }

  @Test
  void idsOverTheKeySizeAre400() {
    String id = "a".repeat(3_000);

    assertRefused(api.send("get-rollout", path("/rollouts/" + id)), 400);
    assertRefused(api.send("rollout-history", path("/rollouts/" + id + "/history")), 400);
    assertRefused(api.send("abort-rollout", path("/rollouts/" + id + "/abort")), 400);
    assertRefused(api.send("evaluate-flag", path("/flags/" + id + "/evaluate")), 400);
  }

  @Test
  void emptyIdsAre404() {
    assertRefused(api.send("rollout-history", path("/rollouts//history")), 404);
    assertRefused(api.send("evaluate-flag", path("/flags//evaluate")), 404);
  }

  @Test
  void aLongAbortReasonIs400AndTheRolloutRunsOn() {
    String reason = "r".repeat(150 * 1024);

    assertRefused(api.send("abort-rollout", body("{\"reason\": \"" + reason + "\"}")), 400);

    assertThat(api.send("get-rollout").expect(200).json().path("status").asText())
        .isEqualTo("RUNNING");
  }

  @Test
  void aHandMadeNextTokenIs400() {
    String storeToken =
        Base64.getUrlEncoder()
            .encodeToString(
                "{\"q\":\"list:*\",\"k\":{\"id\":{\"S\":\"x\"}}}".getBytes(StandardCharsets.UTF_8));

    assertRefused(api.send("list-rollouts", query(Map.of("nextToken", storeToken))), 400);
  }

  @Test
  void aPagedListReadsBackItsOwnTokens() {
    for (int i = 0; i < 3; i++) {
      String plan = Api.event("create-rollout-json").getBody().replace(ID, "paged-" + i);
      api.send("create-rollout-json", body(plan)).expect(201);
    }
    String token =
        api.send("list-rollouts", query(Map.of("limit", "2")))
            .expect(200)
            .json()
            .path("nextToken")
            .asText();

    api.send("list-rollouts", query(Map.of("limit", "2", "nextToken", token))).expect(200);
  }

  @Test
  void aLongAlarmNameIsRefused() {
    assertPlanRefused("long-alarm", List.of("a".repeat(3_000)));
  }

  @Test
  void manyAlarmsAreRefused() {
    assertPlanRefused("many-alarms", IntStream.range(0, 150).mapToObj(i -> "alarm-" + i).toList());
  }

  @Test
  void aPlanWhoseItemOutgrowsTheStoreIsRefused() {
    // Short flow-style phases under the body limit, which the stored JSON spells out in full.
    StringBuilder yaml = new StringBuilder("rollout: huge\nalarms: [a]\nphases: [");
    for (int i = 0; yaml.length() < MAX_BODY - 100; i++) {
      yaml.append("{name: p").append(Integer.toString(i, 36)).append(",percent: 1},");
    }
    yaml.append("{name: last,percent: 100}]\n");

    Reply reply = api.send("create-rollout-yaml", body(yaml.toString()));

    assertThat(reply.status()).as(reply.body()).isIn(400, 413);
    reply.problem(reply.status());
    assertThat(bed.wiring.store().get("huge")).isEmpty();
  }

  private static void assertPlanRefused(String id, List<String> alarms) {
    String plan = Api.event("create-rollout-json").getBody().replace(ID, id);
    String quoted = String.join(", ", alarms.stream().map(a -> "\"" + a + "\"").toList());
    plan = plan.replaceFirst("\"alarms\":\\s*\\[[^\\]]*\\]", "\"alarms\": [" + quoted + "]");

    Reply reply = api.send("create-rollout-json", body(plan));

    assertThat(reply.status()).as(reply.body()).isIn(400, 413);
    assertThat(bed.wiring.store().get(id)).isEmpty();
  }

  private static void assertRefused(Reply reply, int status) {
    reply.problem(status);
    assertThat(reply.body().length()).isLessThan(2_000);
  }
}

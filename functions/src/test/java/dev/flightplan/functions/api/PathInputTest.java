package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.InMemoryWiring;
import dev.flightplan.functions.KeyLimitedStore;
import dev.flightplan.functions.Reply;
import org.junit.jupiter.api.Test;

/**
 * Paths are split, then decoded once; every path parameter is held to the rule of what it names
 * before the store is asked (the store here fails on keys DynamoDB cannot hold).
 */
class PathInputTest {
  private final Api api =
      new Api(
          InMemoryWiring.over(
              new TestClock(Api.T0),
              new KeyLimitedStore(),
              new InMemoryActuator(),
              new RecordingNotifier()));

  @Test
  void aDoublyEncodedIdIsDecodedOnceAndIsNoId() {
    api.send("create-rollout-json").expect(201);
    // %256e decodes once to %6e; a second decoding would make it "n", the stored rollout.
    String twice = "/rollouts/%256e" + ID.substring(1);

    JsonNode problem = api.send("get-rollout", path(twice)).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly("id");
  }

  @Test
  void anEncodedSlashIsPartOfTheIdAndNeverRoutesToHistory() {
    api.send("create-rollout-json").expect(201);

    Reply reply = api.send("get-rollout", path("/rollouts/" + ID + "%2Fhistory"));

    assertThat(reply.problem(400).path("errors").findValuesAsText("path")).containsExactly("id");
  }

  @Test
  void anEncodedCarriageReturnIsAnIdNotTheList() {
    api.send("create-rollout-json").expect(201);

    JsonNode problem = api.send("get-rollout", path("/rollouts/%0D")).problem(400);

    assertThat(problem.has("items")).isFalse();
    assertThat(problem.path("detail").asText()).contains("\\u000D").doesNotContain("\r");
  }

  @Test
  void emptyIdsAndKeysAreNoResource() {
    api.send("rollout-history", path("/rollouts//history")).problem(404);
    api.send("evaluate-flag", path("/flags//evaluate")).problem(404);
    api.send("abort-rollout", path("/rollouts//abort")).problem(404);
    api.send("checklist-item", path("/rollouts/" + ID + "/checklist/")).problem(404);
  }

  @Test
  void idsKeysAndItemsOverTheirLimitsAre400NamingTheParameter() {
    String long3000 = "a".repeat(3_000);

    assertInvalid(api.send("get-rollout", path("/rollouts/" + long3000)), "id");
    assertInvalid(api.send("rollout-history", path("/rollouts/" + long3000 + "/history")), "id");
    assertInvalid(api.send("update-rollout", path("/rollouts/" + long3000)), "id");
    assertInvalid(api.send("abort-rollout", path("/rollouts/" + long3000 + "/abort")), "id");
    assertInvalid(api.send("evaluate-flag", path("/flags/" + long3000 + "/evaluate")), "key");
    assertInvalid(
        api.send("checklist-item", path("/rollouts/" + ID + "/checklist/" + long3000)), "item");
  }

  @Test
  void theLongestValidIdIsLookedUp() {
    api.send("get-rollout", path("/rollouts/" + "a".repeat(63))).problem(404);
    assertInvalid(api.send("get-rollout", path("/rollouts/" + "a".repeat(64))), "id");
  }

  @Test
  void idsFollowThePlanReadersRule() {
    for (String id : new String[] {"Upper", "-lead", ".lead", "sp ace", "semi;colon", "ünï"}) {
      assertInvalid(api.send("get-rollout", path("/rollouts/" + id)), "id");
    }
  }

  @Test
  void flagKeysAllowCapitalsAndTheirOwnLength() {
    api.send("evaluate-flag", path("/flags/Checkout.V2/evaluate")).problem(404);
    api.send("evaluate-flag", path("/flags/" + "k".repeat(128) + "/evaluate")).problem(404);
    assertInvalid(
        api.send("evaluate-flag", path("/flags/" + "k".repeat(129) + "/evaluate")), "key");
  }

  @Test
  void anUnknownActionIs404EvenWhenItIsLong() {
    JsonNode problem =
        api.send("start-rollout", path("/rollouts/" + ID + "/" + "x".repeat(5_000))).problem(404);

    assertThat(problem.path("detail").asText().length()).isLessThan(300);
  }

  private static void assertInvalid(Reply reply, String parameter) {
    JsonNode problem = reply.problem(400);
    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly(parameter);
    assertThat(reply.body().length()).isLessThan(1_000);
  }
}

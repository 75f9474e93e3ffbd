package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.header;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rollout whose stored plan cannot be read shows its state and the problem, can be rolled back
 * and aborted, and refuses everything else with 409; the list goes on for every caller.
 */
class UnreadableRolloutApiTest {
  private static final String PROBLEM = "phases[0].bake: `2562047788015215h` is not a duration";

  private final Api api = new Api();

  private void corrupted() {
    api.createdAndStarted();
    ((InMemoryRolloutStore) api.wiring.store()).corruptPlan(ID, PROBLEM);
  }

  @Test
  void theListShowsItWithItsProblem() {
    corrupted();

    for (Reply reply :
        new Reply[] {
          api.send("list-rollouts"), api.send("list-rollouts", query(Map.of("status", "RUNNING")))
        }) {
      JsonNode item = reply.expect(200).json().path("items").get(0);
      assertThat(item.path("id").asText()).isEqualTo(ID);
      assertThat(item.path("status").asText()).isEqualTo("RUNNING");
      assertThat(item.path("problem").asText()).contains(PROBLEM);
    }
  }

  @Test
  void getAnswersItsStateWithoutAPlan() {
    corrupted();

    Reply reply = api.send("get-rollout").expect(200);

    JsonNode body = reply.json();
    assertThat(body.path("plan").isNull()).isTrue();
    assertThat(body.path("problem").asText()).contains(PROBLEM);
    assertThat(body.path("state").path("status").asText()).isEqualTo("RUNNING");
    assertThat(body.path("state").path("checklist").path("done").get(0).asText())
        .isEqualTo("on-call");
    assertThat(reply.header("ETag")).isEqualTo("\"v" + body.path("version").asLong() + "\"");
    assertThat(api.send("rollout-history").expect(200).json().path("items").size()).isPositive();
  }

  @Test
  void rollbackWorksAndOtherActionsAnswer409() {
    corrupted();

    JsonNode refused = api.send("pause-rollout").problem(409);
    assertThat(refused.path("detail").asText())
        .contains(PROBLEM)
        .contains("only rollback and abort work");
    String etag = api.send("get-rollout").expect(200).header("ETag");
    JsonNode put = api.send("update-rollout", header("If-Match", etag)).problem(409);
    assertThat(put.path("detail").asText()).contains(PROBLEM);

    Reply back = api.send("rollback-rollout").expect(200);

    assertThat(back.json().path("state").path("status").asText()).isEqualTo("ROLLED_BACK");
    assertThat(back.json().path("plan").isNull()).isTrue();
    assertThat(api.send("abort-rollout").problem(409).path("detail").asText())
        .contains("ROLLED_BACK");
  }

  @Test
  void abortWorks() {
    corrupted();

    Reply aborted = api.send("abort-rollout").expect(200);

    assertThat(aborted.json().path("state").path("status").asText()).isEqualTo("ABORTED");
  }
}

package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /rollouts} takes its query exactly as written, and reads back only the page tokens it
 * gave out.
 */
class ListQueryTest {
  private final Api api = new Api();

  @Test
  void aStatusInAnotherCaseIs400ListingTheStatuses() {
    api.createdAndStarted();

    JsonNode problem = api.send("list-rollouts", query(Map.of("status", "running"))).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly("status");
    assertThat(problem.path("errors").get(0).path("hint").asText())
        .contains("DRAFT", "RUNNING", "PAUSED", "AWAITING_APPROVAL", "COMPLETED", "ROLLED_BACK");
  }

  @Test
  void aStatusIsNeverTrimmedOrEmpty() {
    for (String status : new String[] {" RUNNING", "RUNNING ", "", "RUNNING\n", "RUN NING"}) {
      assertField(api.send("list-rollouts", query(Map.of("status", status))), "status");
    }
  }

  @Test
  void aLimitIsAWholeNumberFrom1To100AsWritten() {
    for (String limit : new String[] {"0", "101", "-1", "+5", " 5", "5.0", "1e2", "", "0x10"}) {
      assertField(api.send("list-rollouts", query(Map.of("limit", limit))), "limit");
    }
    api.send("list-rollouts", query(Map.of("limit", "100"))).expect(200);
    api.send("list-rollouts", query(Map.of("limit", "1"))).expect(200);
  }

  @Test
  void theNextTokenGivenOutPagesOn() {
    createMany(3);

    JsonNode first = api.send("list-rollouts", query(Map.of("limit", "2"))).expect(200).json();
    String token = first.path("nextToken").asText();
    JsonNode second =
        api.send("list-rollouts", query(Map.of("limit", "2", "nextToken", token)))
            .expect(200)
            .json();

    assertThat(first.path("items")).hasSize(2);
    assertThat(second.path("items")).hasSize(1);
    assertThat(second.path("nextToken").isNull()).isTrue();
  }

  @Test
  void aHandMadeTokenIs400NamingIt() {
    createMany(3);
    String storeLike =
        Base64.getUrlEncoder()
            .encodeToString(
                "{\"q\":\"list:*\",\"k\":{\"id\":{\"S\":\"x\"}}}".getBytes(StandardCharsets.UTF_8));

    for (String token :
        new String[] {storeLike, storeLike + "." + "A".repeat(43), "", ".", "x".repeat(100_000)}) {
      Reply reply = api.send("list-rollouts", query(Map.of("nextToken", token)));

      assertField(reply, "nextToken");
      assertThat(reply.body().length()).isLessThan(1_000);
    }
  }

  @Test
  void aTamperedTokenIs400() {
    String token = firstPageToken(Map.of("limit", "1"));
    String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

    assertField(
        api.send("list-rollouts", query(Map.of("limit", "1", "nextToken", tampered))), "nextToken");
  }

  @Test
  void aTokenOfOneListIsRefusedByAnother() {
    String everything = firstPageToken(Map.of("limit", "1"));

    assertField(
        api.send("list-rollouts", query(Map.of("status", "DRAFT", "nextToken", everything))),
        "nextToken");
  }

  @Test
  void aTokenOfAnotherProcessIsRefused() {
    String token = firstPageToken(Map.of("limit", "1"));
    Api other =
        new Api(
            api.wiring.withPageTokens(
                new SignedPageTokens("another key, of another deployment".getBytes())));

    assertField(
        other.send("list-rollouts", query(Map.of("limit", "1", "nextToken", token))), "nextToken");
  }

  private String firstPageToken(Map<String, String> query) {
    createMany(3);
    String token =
        api.send("list-rollouts", query(query)).expect(200).json().path("nextToken").asText();
    assertThat(token).isNotBlank();
    return token;
  }

  private void createMany(int count) {
    for (int i = 0; i < count; i++) {
      String body = Api.event("create-rollout-json").getBody().replace(ID, "rollout-" + i);
      api.send("create-rollout-json", Api.body(body)).expect(201);
      api.clock.advance(Duration.ofMinutes(1));
    }
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.problem(400).path("errors").findValuesAsText("path"))
        .as(reply.body())
        .containsExactly(field);
  }
}

package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.functions.Api;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code eta} in {@code GET /rollouts/{id}} and its times in list items. The fixture's plan starts
 * on Tuesday 2026-11-24 09:00 UTC: internal bakes 48h, beta needs approval and bakes 72h, then 1d,
 * 2d and the last phase with no bake.
 */
class RolloutEtaTest {
  private final Api api = new Api();

  @Test
  void getSaysWhatComesNextWhenAndTheEarliestCompletion() {
    api.createdAndStarted();

    JsonNode eta = api.send("get-rollout").expect(200).json().path("eta");

    assertThat(eta.path("nextStep").asText()).isEqualTo("ask for approval of beta");
    assertThat(eta.path("nextStepAt").asText()).isEqualTo("2026-11-26T09:00:00Z");
    // Approved at once, beta from 09:01: 72h, 1d, 2d, then the tick after.
    assertThat(eta.path("completesAt").asText()).isEqualTo("2026-12-02T09:02:00Z");
    assertThat(eta.path("waitsFor").toString()).isEqualTo("[\"approval of beta\"]");
    assertThat(eta.path("assumes").asText())
        .isEqualTo("every gate keeps passing and approvals are given when asked");
  }

  @Test
  void listItemsCarryTheTwoTimes() {
    api.createdAndStarted();

    JsonNode eta = api.send("list-rollouts").expect(200).json().path("items").get(0).path("eta");

    assertThat(eta.toString())
        .isEqualTo(
            "{\"nextStepAt\":\"2026-11-26T09:00:00Z\",\"completesAt\":\"2026-12-02T09:02:00Z\"}");
  }

  @Test
  void aPersonsWaitHasNoNextStepTime() {
    api.createdAndStarted();
    api.send("pause-rollout").expect(200);
    api.clock.advance(Duration.ofHours(1));

    JsonNode eta = api.send("get-rollout").expect(200).json().path("eta");

    assertThat(eta.path("nextStep").asText()).isEqualTo("resume, then ask for approval of beta");
    assertThat(eta.path("nextStepAt").isNull()).isTrue();
    assertThat(eta.path("completesAt").asText()).isEqualTo("2026-12-02T09:02:00Z");
    assertThat(eta.path("waitsFor").get(0).asText()).isEqualTo("someone to resume it");
  }

  @Test
  void anEndedRolloutHasNoEta() {
    api.createdAndStarted();
    api.send("abort-rollout").expect(200);

    assertThat(api.send("get-rollout").expect(200).json().path("eta").isNull()).isTrue();
    JsonNode item =
        api.send("list-rollouts", query(Map.of("status", "ABORTED")))
            .expect(200)
            .json()
            .path("items")
            .get(0);
    assertThat(item.has("eta")).isTrue();
    assertThat(item.path("eta").isNull()).isTrue();
  }
}

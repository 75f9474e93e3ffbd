package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ACTOR;
import static dev.flightplan.functions.Api.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.HistoryActions;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.Holding;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code holding} and {@code gates} of {@code GET /rollouts/{id}}, as the shared contract has it.
 */
class ControllerViewApiTest {
  private static final Instant SEEN = Instant.parse("2026-11-24T09:07:00Z");
  private final Api api = new Api();

  private JsonNode rollout() {
    return api.send("get-rollout").expect(200).json();
  }

  private void recorded(ControllerView view) {
    api.arrange(
        ID,
        s ->
            s.toBuilder()
                .view(view)
                .gates(Map.of("error_rate-rollback", new GateStreak(SEEN, 2, 0)))
                .build());
  }

  @Test
  void aRunningRolloutShowsItsRecordedHoldAndEveryGate() {
    api.createdAndStarted();
    Holding holding =
        new Holding(
            HoldKind.GATE_INCONCLUSIVE,
            "waiting on error_rate-rollback: error_rate: only 40 of 100 requests",
            SEEN,
            null,
            "error_rate-rollback",
            null,
            null);
    GateView gate =
        new GateView(
            "error_rate-rollback",
            Verdict.INCONCLUSIVE,
            0.012,
            0.01,
            40L,
            9876L,
            0.031,
            null,
            "error_rate: only 40 of 100 requests");
    recorded(new ControllerView(holding, List.of(gate), SEEN));

    JsonNode body = rollout();

    JsonNode hold = body.path("holding");
    assertThat(hold.path("kind").asText()).isEqualTo("GATE_INCONCLUSIVE");
    assertThat(hold.path("since").asText()).isEqualTo("2026-11-24T09:07:00Z");
    assertThat(hold.path("until").isNull()).isTrue();
    assertThat(hold.path("gate").asText()).isEqualTo("error_rate-rollback");
    assertThat(hold.path("metric").isNull()).isTrue();
    JsonNode gates = body.path("gates");
    assertThat(gates).hasSize(2);
    JsonNode first = gates.get(0);
    assertThat(first.path("name").asText()).isEqualTo("error_rate-rollback");
    assertThat(first.path("action").asText()).isEqualTo("rollback");
    assertThat(first.path("op").asText()).isEqualTo(">");
    assertThat(first.path("threshold").asText()).isEqualTo("5%");
    assertThat(first.path("thresholdValue").asDouble()).isEqualTo(0.05);
    assertThat(first.path("for").asText()).isEqualTo("10m");
    assertThat(first.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(first.path("values").path("candidate").asDouble()).isEqualTo(0.012);
    assertThat(first.path("samples").path("baseline").asLong()).isEqualTo(9876);
    assertThat(first.path("pValue").asDouble()).isEqualTo(0.031);
    assertThat(first.path("bound").isNull()).isTrue();
    assertThat(first.path("streak").path("consecutiveBreaches").asInt()).isEqualTo(2);
    assertThat(first.path("evaluatedAt").asText()).isEqualTo("2026-11-24T09:07:00Z");
    JsonNode never = gates.get(1);
    assertThat(never.path("threshold").asText()).isEqualTo("0.5%");
    assertThat(never.path("for").isNull()).isTrue();
    assertThat(never.path("verdict").isNull()).isTrue();
    assertThat(never.path("values").path("candidate").isNull()).isTrue();
    assertThat(never.path("evaluatedAt").isNull()).isTrue();
  }

  @Test
  void aDraftWithOpenItemsSaysSoWithoutARecordedView() {
    api.send("create-rollout-json").expect(201);

    JsonNode hold = rollout().path("holding");

    assertThat(hold.path("kind").asText()).isEqualTo("CHECKLIST_OPEN");
    assertThat(hold.path("reason").asText()).isEqualTo("checklist open: on-call");
  }

  @Test
  void aPausedRolloutNamesWhoPaused() {
    api.createdAndStarted();
    api.send("pause-rollout").expect(200);

    JsonNode hold = rollout().path("holding");

    assertThat(hold.path("kind").asText()).isEqualTo("PAUSED");
    assertThat(hold.path("by").asText()).isEqualTo(ACTOR);
  }

  @Test
  void aFinishedRolloutHoldsForNothingButKeepsItsGates() {
    api.createdAndStarted();
    api.arrange(ID, s -> s.toBuilder().status(RolloutStatus.COMPLETED).build());

    JsonNode body = rollout();

    assertThat(body.path("holding").isNull()).isTrue();
    assertThat(body.path("gates")).hasSize(2);
  }

  @Test
  void listItemsCarryTheHoldingInBrief() {
    api.createdAndStarted();
    recorded(
        new ControllerView(
            new Holding(HoldKind.BAKING, "baking phase internal", SEEN, null, null, null, null),
            List.of(),
            SEEN));

    JsonNode item = api.send("list-rollouts").expect(200).json().path("items").get(0);

    assertThat(item.path("holding").path("kind").asText()).isEqualTo("BAKING");
    assertThat(item.path("holding").path("reason").asText()).isEqualTo("baking phase internal");
    assertThat(item.path("holding").has("since")).isFalse();
  }

  @Test
  void theDocumentListsEveryActionAndHoldKind() throws Exception {
    JsonNode schemas =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Files.readString(Path.of("openapi.yaml")))
            .path("components")
            .path("schemas");

    assertThat(texts(schemas.path("Action").path("enum"))).isEqualTo(HistoryActions.ALL);
    assertThat(texts(schemas.path("HoldKind").path("enum")))
        .isEqualTo(Arrays.stream(HoldKind.values()).map(Enum::name).toList());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}

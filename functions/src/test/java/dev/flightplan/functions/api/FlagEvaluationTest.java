package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.path;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.evaluation.FlagEvaluation;
import dev.flightplan.evaluation.FlagEvaluator;
import dev.flightplan.functions.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagEvaluationTest {
  private final Api api = new Api();

  @Test
  void anEmployeeSeesTheCandidateInTheInternalRing() {
    api.createdAndStarted();

    JsonNode body = api.send("evaluate-flag").expect(200).json();

    assertThat(body.path("enabled").asBoolean()).isTrue();
    assertThat(body.path("variant").asText()).isEqualTo("candidate");
    assertThat(body.path("reason").asText()).isEqualTo("AUDIENCE");
    assertThat(body.path("audience").asText()).isEqualTo("employees");
    assertThat(body.path("bucket").asInt()).isBetween(0, 9_999);
  }

  @Test
  void agreesWithTheFlagEvaluatorForManyUnits() {
    api.createdAndStarted();
    api.send("promote-rollout").expect(200);
    api.send("promote-rollout").expect(200);
    Rollout rollout = api.wiring.store().get(ID).orElseThrow();
    Plan plan = rollout.plan();
    int enabled = 0;

    for (int i = 0; i < 400; i++) {
      Map<String, String> attributes = Map.of("beta", i % 7 == 0 ? "true" : "false");
      String unit = "user-" + i;
      JsonNode body =
          api.send("evaluate-flag", query(Map.of("unit", unit, "beta", attributes.get("beta"))))
              .expect(200)
              .json();
      FlagEvaluation expected =
          FlagEvaluator.evaluate(
              ID,
              rollout.id(),
              plan.exposureAt(rollout.state().desiredPhase()),
              plan.audiences(),
              unit,
              attributes);
      assertThat(body).isEqualTo(FlagEndpoints.json(expected));
      enabled += expected.enabled() ? 1 : 0;
    }
    // Two promotes reach standard-5: 5% plus the rings (every seventh unit is beta here).
    assertThat(enabled).isBetween(50, 120);
  }

  @Test
  void aDraftExposesNothing() {
    api.send("create-rollout-json").expect(201);

    JsonNode body = api.send("evaluate-flag").expect(200).json();

    assertThat(body.path("enabled").asBoolean()).isFalse();
    assertThat(body.path("reason").asText()).isEqualTo("OFF");
    assertThat(body.has("audience")).isFalse();
  }

  @Test
  void anUnknownFlagIs404() {
    api.createdAndStarted();

    api.send("evaluate-flag", path("/flags/no-such-flag/evaluate")).problem(404);
  }

  @Test
  void aMissingUnitIs400() {
    api.createdAndStarted();

    JsonNode problem =
        api.send("evaluate-flag", query(Map.of("email", "ana@example.com"))).problem(400);

    assertThat(problem.path("detail").asText()).contains("unit");
  }

  @Test
  void aLambdaAliasRolloutIsNoFlag() {
    api.send("create-rollout-yaml").expect(201);

    api.send("evaluate-flag", path("/flags/" + Api.YAML_ID + "/evaluate")).problem(404);
  }
}

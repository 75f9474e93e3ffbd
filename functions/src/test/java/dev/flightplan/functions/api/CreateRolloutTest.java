package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ACTOR;
import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CreateRolloutTest {
  private final Api api = new Api();

  @Test
  void createsFromJsonWithLocationAndETag() {
    Reply reply = api.send("create-rollout-json").expect(201);

    assertThat(reply.header("Location")).isEqualTo("/prod/rollouts/" + ID);
    assertThat(reply.header("ETag")).isEqualTo("\"v1\"");
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = reply.json();
    assertThat(body.path("id").asText()).isEqualTo(ID);
    assertThat(body.path("status").asText()).isEqualTo("DRAFT");
    assertThat(body.path("plan").path("target").path("flag").asText()).isEqualTo(ID);
    assertThat(api.wiring.store().get(ID)).isPresent();
  }

  @Test
  void theLocationHasNoPrefixWithoutAStage() {
    Reply reply =
        api.send(
            "create-rollout-json",
            e -> {
              e.getRequestContext().setPath(null);
              return e;
            });

    assertThat(reply.expect(201).header("Location")).isEqualTo("/rollouts/" + ID);
  }

  @Test
  void createsFromYaml() {
    Reply reply = api.send("create-rollout-yaml").expect(201);

    assertThat(reply.header("Location")).isEqualTo("/prod/rollouts/" + Api.YAML_ID);
    assertThat(reply.json().path("plan").path("target").path("type").asText())
        .isEqualTo("lambda-alias");
  }

  @Test
  void acceptsEveryYamlMediaType() {
    String yaml = Api.event("create-rollout-yaml").getBody();
    for (String type : new String[] {"application/x-yaml", "text/yaml; charset=utf-8"}) {
      Api fresh = new Api();
      fresh.send("create-rollout-yaml", header("Content-Type", type).andThen(body(yaml))::apply);
      assertThat(fresh.wiring.store().get(Api.YAML_ID)).as(type).isPresent();
    }
  }

  @Test
  void thePlanInTheAnswerReadsBackAsTheStoredPlan() {
    JsonNode plan = api.send("create-rollout-json").expect(201).json().path("plan");

    assertThat(PlanReader.read(plan.toString(), PlanFormat.JSON))
        .isEqualTo(api.wiring.store().get(ID).orElseThrow().plan());
  }

  @Test
  void recordsTheCallersArnAsTheActor() {
    api.send("create-rollout-json").expect(201);

    assertThat(api.wiring.store().history(ID))
        .first()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(ACTOR);
              assertThat(e.action()).isEqualTo("CREATE");
            });
  }

  @Test
  void refusesAnExistingIdWith409() {
    api.send("create-rollout-json").expect(201);

    JsonNode problem = api.send("create-rollout-json").problem(409);

    assertThat(problem.path("detail").asText()).contains(ID, "already exists");
  }

  @Test
  void refusesAnInvalidPlanWithFieldPaths() {
    String plan =
        """
        rollout: bad-plan
        phases:
          - { name: a, percent: 5, bake: 90 minutes }
          - { name: b, percent: 2.5 }
        metrics:
          error_rate: { namespace: Search, metric: Errors }
        gates:
          - { metric: eror_rate, op: ">", threshold: 5%, action: rollback }
        """;
    JsonNode problem =
        api.send(
                "create-rollout-yaml",
                header("Content-Type", "application/yaml").andThen(body(plan))::apply)
            .problem(400);

    assertThat(problem.path("type").asText()).isEqualTo("urn:flightplan:problem:invalid-plan");
    assertThat(problem.path("errors").findValuesAsText("path"))
        .contains("phases[0].bake", "phases[1].percent", "gates[0].metric");
    assertThat(problem.path("errors").get(0).has("message")).isTrue();
    assertThat(problem.path("errors").get(0).has("hint")).isTrue();
    assertThat(api.wiring.store().get("bad-plan")).isEmpty();
  }

  @Test
  void namesTheLineOfASyntaxError() {
    JsonNode problem =
        api.send("create-rollout-json", body("{\"rollout\": \"x\",, }")::apply).problem(400);

    assertThat(problem.path("errors").get(0).path("message").asText()).contains("line 1");
  }

  @Test
  void refusesAnEmptyBody() {
    api.send("create-rollout-json", body("")::apply).problem(400);
  }

  @Test
  void refusesOtherMediaTypesWith415() {
    JsonNode problem =
        api.send("create-rollout-json", header("Content-Type", "text/plain")::apply).problem(415);

    assertThat(problem.path("detail").asText())
        .contains("application/json", "application/yaml", "application/x-yaml", "text/yaml");
    api.send("create-rollout-json", header("Content-Type", null)::apply).problem(415);
  }

  @Test
  void readsBase64Bodies() {
    String json = Api.event("create-rollout-json").getBody();
    String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

    api.send("create-rollout-json", e -> e.withBody(encoded).withIsBase64Encoded(true)).expect(201);
  }
}

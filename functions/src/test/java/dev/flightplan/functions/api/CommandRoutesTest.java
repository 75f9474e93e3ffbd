package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ACTOR;
import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.header;
import static dev.flightplan.functions.Api.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import org.junit.jupiter.api.Test;

class CommandRoutesTest {
  private final Api api = new Api();

  @Test
  void checklistThenStartRunsTheFirstPhase() {
    api.send("create-rollout-json").expect(201);

    JsonNode checklist = api.send("checklist-item").expect(200).json();
    Reply started = api.send("start-rollout").expect(200);

    assertThat(checklist.path("state").path("checklist").path("open")).isEmpty();
    assertThat(started.json().path("status").asText()).isEqualTo("RUNNING");
    assertThat(started.header("ETag")).isEqualTo(api.send("get-rollout").header("ETag"));
  }

  @Test
  void startWithAnOpenChecklistIs409WithTheReason() {
    api.send("create-rollout-json").expect(201);

    JsonNode problem = api.send("start-rollout").problem(409);

    assertThat(problem.path("detail").asText())
        .isEqualTo("start refused: checklist items open: on-call");
    assertThat(status()).isEqualTo(RolloutStatus.DRAFT);
  }

  @Test
  void pauseAndResumeWithTheReasonInTheHistory() {
    api.createdAndStarted();

    assertThat(api.send("pause-rollout").expect(200).json().path("status").asText())
        .isEqualTo("PAUSED");
    HistoryEntry paused = api.wiring.store().history(ID).getLast();
    assertThat(paused.actor()).isEqualTo(ACTOR);
    assertThat(paused.action()).isEqualTo("PAUSE");
    assertThat(paused.reason()).contains("error budget review before the beta ring");

    assertThat(api.send("resume-rollout").expect(200).json().path("status").asText())
        .isEqualTo("RUNNING");
  }

  @Test
  void resumeOfARunningRolloutIs409() {
    api.createdAndStarted();

    JsonNode problem = api.send("resume-rollout").problem(409);

    assertThat(problem.path("type").asText()).isEqualTo("urn:flightplan:problem:command-refused");
    assertThat(problem.path("detail").asText()).contains("RUNNING", "PAUSED");
  }

  @Test
  void promoteMovesToTheNextPhase() {
    api.createdAndStarted();

    JsonNode body = api.send("promote-rollout").expect(200).json();

    assertThat(body.path("progress").path("phase").asInt()).isEqualTo(2);
    assertThat(body.path("progress").path("exposure").path("audiences").size()).isEqualTo(2);
  }

  @Test
  void approveGrantsAnAwaitedApproval() {
    api.createdAndStarted();
    api.arrange(ID, s -> s.toBuilder().status(RolloutStatus.AWAITING_APPROVAL).build());

    JsonNode body = api.send("approve-rollout").expect(200).json();

    assertThat(body.path("status").asText()).isEqualTo("RUNNING");
    assertThat(body.path("state").path("approvedPhase").asInt()).isEqualTo(1);
  }

  @Test
  void approveWhenNothingAwaitsIs409() {
    api.createdAndStarted();

    api.send("approve-rollout").problem(409);
  }

  @Test
  void rollbackTakesExposureToNothing() {
    api.createdAndStarted();

    JsonNode body = api.send("rollback-rollout").expect(200).json();

    assertThat(body.path("status").asText()).isEqualTo("ROLLED_BACK");
    assertThat(body.path("progress").path("exposure").path("audiences")).isEmpty();
    assertThat(api.wiring.store().history(ID).getLast().reason())
        .contains("support tickets about ranking on mobile");
  }

  @Test
  void retryNeedsANewRevisionAfterARollback() {
    api.createdAndStarted();
    api.send("rollback-rollout").expect(200);

    assertThat(api.send("retry-rollout").problem(409).path("detail").asText())
        .contains("new plan revision");

    String etag = api.send("get-rollout").header("ETag");
    api.send("update-rollout", header("If-Match", etag)).expect(200);
    assertThat(api.send("retry-rollout").expect(200).json().path("status").asText())
        .isEqualTo("RUNNING");
  }

  @Test
  void abortEndsTheRolloutAndNothingFollows() {
    api.createdAndStarted();

    assertThat(api.send("abort-rollout").expect(200).json().path("status").asText())
        .isEqualTo("ABORTED");
    assertThat(api.send("pause-rollout").problem(409).path("detail").asText()).contains("ABORTED");
  }

  @Test
  void anUnknownChecklistItemIs409NamingTheItems() {
    api.send("create-rollout-json").expect(201);

    JsonNode problem =
        api.send("checklist-item", path("/rollouts/" + ID + "/checklist/stakeholders"))
            .problem(409);

    assertThat(problem.path("detail").asText()).contains("stakeholders", "on-call");
  }

  @Test
  void anUnknownActionIs404NamingTheActions() {
    api.send("create-rollout-json").expect(201);

    JsonNode problem = api.send("start-rollout", path("/rollouts/" + ID + "/launch")).problem(404);

    assertThat(problem.path("detail").asText())
        .contains("start", "pause", "resume", "promote", "approve", "rollback", "abort", "retry");
  }

  @Test
  void anActionOnAnUnknownRolloutIs404() {
    api.send("rollback-rollout").problem(404);
    api.send("checklist-item").problem(404);
  }

  @Test
  void theReasonBodyMustBeJsonWithATextReason() {
    api.createdAndStarted();

    api.send("pause-rollout", body("{\"reason\": 42}")).problem(400);
    api.send("pause-rollout", body("[\"why\"]")).problem(400);
    api.send("pause-rollout", body("reason: yaml")).problem(400);
    api.send("pause-rollout", header("Content-Type", "text/plain")).problem(415);
    assertThat(status()).isEqualTo(RolloutStatus.RUNNING);
  }

  @Test
  void anActionWithoutBodyOrContentTypeIsFine() {
    api.createdAndStarted();

    api.send("pause-rollout", e -> header("Content-Type", null).apply(e.withBody(null)))
        .expect(200);
  }

  private RolloutStatus status() {
    return api.wiring.store().get(ID).orElseThrow().state().status();
  }
}

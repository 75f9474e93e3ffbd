package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.path;
import static dev.flightplan.functions.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Free text the API takes outside the plan (a command's reason, checklist items, query values) is
 * bounded and plain: no control characters, line breaks or bidirectional overrides, which would
 * reach terminals and log lines as they came.
 */
class FreeTextFieldsTest {
  private final Api api = new Api();

  @Test
  void aReasonWithEscapeSequencesOrLineBreaksIs400NamingItAndNothingIsRecorded() {
    api.createdAndStarted();
    String[] hostile = {
      "\\u001b[31mred\\u001b[0m",
      "done\\r\\n2026-11-24 notify rollout=other ROLLED_BACK",
      "tab\\there",
      "admin\\u202egnp.exe",
      "isolate\\u2066x\\u2069",
      "line\\u2028separator",
      "del\\u007f",
      "c1\\u0085"
    };
    for (String reason : hostile) {
      Reply reply = api.send("abort-rollout", body("{\"reason\": \"" + reason + "\"}"));

      JsonNode problem = reply.problem(400);
      assertThat(problem.path("errors").findValuesAsText("path"))
          .as(reason)
          .containsExactly("reason");
      assertThat(reply.body()).doesNotContain("\u001b", "\r", "\u202e");
    }
    assertThat(status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(api.wiring.store().history(ID)).hasSize(3);
  }

  @Test
  void aReasonIsAtMost1024Characters() {
    api.createdAndStarted();

    api.send("pause-rollout", body(reason("r".repeat(1_025)))).problem(400);
    api.send("pause-rollout", body(reason("r".repeat(150 * 1_024)))).problem(400);
    assertThat(status()).isEqualTo(RolloutStatus.RUNNING);

    api.send("pause-rollout", body(reason("é".repeat(1_024)))).expect(200);
    assertThat(api.wiring.store().history(ID).getLast().reason()).contains("é".repeat(1_024));
  }

  @Test
  void plainUnicodeReasonsAreKeptAsSent() {
    api.createdAndStarted();

    api.send("pause-rollout", body(reason("Fehlerquote über 5 % — 🚨 on-call"))).expect(200);

    assertThat(api.wiring.store().history(ID).getLast().reason())
        .contains("Fehlerquote über 5 % — 🚨 on-call");
  }

  @Test
  void aReasonBodyTakesNoOtherFields() {
    api.createdAndStarted();

    JsonNode problem =
        api.send("pause-rollout", body("{\"reason\": \"why\", \"actor\": \"root\"}")).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly("actor");
    assertThat(status()).isEqualTo(RolloutStatus.RUNNING);
  }

  @Test
  void aChecklistItemWithControlCharactersIs400NamingIt() {
    api.send("create-rollout-json").expect(201);

    Reply reply =
        api.send("checklist-item", path("/rollouts/" + ID + "/checklist/on-call%1B%5B2J"));

    assertThat(reply.problem(400).path("errors").findValuesAsText("path")).containsExactly("item");
    assertThat(api.wiring.store().history(ID)).hasSize(1);
  }

  @Test
  void aUnitWithControlCharactersOrOverItsLengthIs400NamingIt() {
    api.createdAndStarted();

    assertField(api.send("evaluate-flag", query(Map.of("unit", "user\r\n42"))), "unit");
    assertField(api.send("evaluate-flag", query(Map.of("unit", "u".repeat(257)))), "unit");
    assertField(api.send("evaluate-flag", query(Map.of("unit", ""))), "unit");
    api.send("evaluate-flag", query(Map.of("unit", "u".repeat(256)))).expect(200);
  }

  @Test
  void attributeValuesArePlainAndNamesBounded() {
    api.createdAndStarted();

    assertField(
        api.send("evaluate-flag", query(Map.of("unit", "u1", "email", "a\u001b@example.com"))),
        "email");
    assertField(
        api.send("evaluate-flag", query(Map.of("unit", "u1", "email", "e".repeat(1_025)))),
        "email");
    assertField(
        api.send("evaluate-flag", query(Map.of("unit", "u1", "n".repeat(129), "x"))), "query");
  }

  @Test
  void anAttributeNameIsOnlyLookedUpSoAnyShortNameIsTaken() {
    api.createdAndStarted();

    api.send("evaluate-flag", query(Map.of("unit", "u1", "e\u202email", "x", "", "y"))).expect(200);
  }

  @Test
  void atMost50AttributesAreTaken() {
    api.createdAndStarted();
    Map<String, String> many = new HashMap<>(Map.of("unit", "u1"));
    for (int i = 0; i < 51; i++) {
      many.put("a" + i, "v");
    }

    assertField(api.send("evaluate-flag", query(many)), "query");
    many.remove("a50");
    api.send("evaluate-flag", query(many)).expect(200);
  }

  private static String reason(String text) {
    return "{\"reason\": \"" + text + "\"}";
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.problem(400).path("errors").findValuesAsText("path")).containsExactly(field);
  }

  private RolloutStatus status() {
    return api.wiring.store().get(ID).orElseThrow().state().status();
  }
}

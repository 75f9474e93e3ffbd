package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile requests that pass the local server and must be refused by the API layer (the handler and
 * the plan reader): oversized numbers, ids the store cannot key, invalid text, lenient YAML, weak
 * {@code If-Match}, enum values in the wrong case. Each answers below 500 with the status the API
 * documents, leaves the server answering and stores nothing.
 */
@Timeout(60)
class HostileApiCasesIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static HostileTarget target;

  @BeforeAll
  static void start() {
    target = new HostileTarget();
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @BeforeEach
  void judgeEachCaseOnItsOwn() {
    target.rebase();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"rollout\":1e999999999}",
        "{\"rollout\":\"x\",\"phases\":[{\"name\":\"a\",\"percent\":1e100000000}]}",
        "{\"rollout\":\"x\",\"gates\":[{\"metric\":\"m\",\"op\":\">\",\"threshold\":1e999999999}]}",
        "{\"rollout\":\"x\",\"phases\":[{\"name\":\"a\",\"percent\":0."
            + "0000000000000000000000000000000000000000000000000000000000000000001}]}"
      })
  @Timeout(10)
  void hugeNumbersAreRefusedFastWithAShortAnswer(String body) {
    HttpResponse<String> answer = target.post("/rollouts", "application/json", body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).hasSizeLessThan(4096);
    target.assertUnharmed(answer.statusCode(), body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/rollouts//history",
        "/rollouts/%20",
        "/flags//evaluate?unit=u",
        "/rollouts?nextToken=eyJpZCI6InIxIn0",
        "/rollouts?nextToken=%00",
        "/rollouts?status=running",
        "/rollouts?status=RUNNING,PAUSED"
      })
  void malformedReadsAreRefused(String pathAndQuery) {
    HttpResponse<String> answer = target.get(pathAndQuery);

    assertThat(answer.statusCode()).isIn(400, 404);
    target.assertUnharmed(answer.statusCode(), "GET " + pathAndQuery);
  }

  @Test
  void anIdLongerThanTheStoreCanKeyIsRefused() {
    String id = "a".repeat(3000);

    assertThat(target.get("/rollouts/" + id).statusCode()).isIn(400, 404);
    HttpResponse<String> abort =
        target.post("/rollouts/" + id + "/abort", "application/json", "{}");
    assertThat(abort.statusCode()).isIn(400, 404);
    target.assertUnharmed(abort.statusCode(), "a 3,000-character id");
  }

  @Test
  void aHugeAbortReasonIsRefused() {
    String reason = "x".repeat(150 * 1024);
    String id = target.started(fresh());
    HttpResponse<String> answer =
        target.post(
            "/rollouts/" + id + "/abort", "application/json", "{\"reason\":\"" + reason + "\"}");

    assertThat(answer.statusCode()).isIn(400, 413);
    target.assertUnharmed(answer.statusCode(), "a 150 KiB abort reason");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "done\u001b[2J\r\nnotify  forged",
        "right-to-left \u202e override",
        "bell \u0007 and C1 \u0085",
        "lone surrogate \\ud800 escaped"
      })
  void controlCharactersInAReasonAreRefused(String reason) {
    String json = "{\"reason\":\"" + reason.replace("\r", "\\r").replace("\n", "\\n") + "\"}";
    String id = target.started(fresh());
    HttpResponse<String> answer =
        target.post("/rollouts/" + id + "/pause", "application/json", json);

    assertThat(answer.statusCode()).isEqualTo(400);
    target.assertUnharmed(answer.statusCode(), "the reason " + reason);
  }

  @Test
  void invalidUtf8IsRefusedNotReplaced() {
    byte[] body =
        "{\"reason\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> answer =
        target.send(
            HttpRequest.newBuilder(target.uri("/rollouts/" + target.started(fresh()) + "/pause"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(answer.statusCode()).isEqualTo(400);
    target.assertUnharmed(answer.statusCode(), "a reason in ISO-8859-1 sent as UTF-8");
  }

  @Test
  void aCharsetOtherThanUtf8IsHonouredOrRefused() {
    byte[] body =
        "{\"reason\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    String id = target.started(fresh());
    HttpResponse<String> answer =
        target.send(
            HttpRequest.newBuilder(target.uri("/rollouts/" + id + "/pause"))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    if (answer.statusCode() == 415) {
      target.assertUnharmed(answer.statusCode(), "a reason in ISO-8859-1");
    } else {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(target.get("/rollouts/" + id + "/history").body()).contains("café");
      target.assertAlive(answer.statusCode(), "a reason in ISO-8859-1");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%s\n---\nrollout: y2\n",
        "%s\n...\ngarbage: [\n",
        "%s\ndescription: !!binary SGVsbG8=\n",
        "%s\ndescription: !!java/object:java.lang.Object x\n",
        "%s\ndescription: \"\\e[31mred\"\n",
        "%s\nrisk: yes\n"
      })
  void lenientYamlIsRefused(String template) {
    String yaml = template.formatted(HostileTarget.validPlan(fresh()).stripTrailing());
    HttpResponse<String> answer = target.post("/rollouts", "application/yaml", yaml);

    assertThat(answer.statusCode()).isEqualTo(400);
    target.assertUnharmed(answer.statusCode(), yaml);
  }

  @ParameterizedTest
  @ValueSource(strings = {"percent: 0x05", "percent: 5_0", "bake: PT2562047788015215H"})
  void numbersAndDurationsOutsideTheCoreScalarsAreRefused(String field) {
    String yaml =
        HostileTarget.validPlan(fresh())
            .replace(
                "{ name: canary, percent: 5, bake: 1h }",
                "{ name: canary, "
                    + field
                    + (field.startsWith("bake") ? ", percent: 5" : ", bake: 1h")
                    + " }");
    assertThat(yaml).contains(field);
    HttpResponse<String> answer = target.post("/rollouts", "application/yaml", yaml);

    assertThat(answer.statusCode()).isEqualTo(400);
    target.assertUnharmed(answer.statusCode(), field);
  }

  @Test
  void jsonWithTrailingGarbageIsRefused() {
    String json =
        "{\"rollout\":\""
            + fresh()
            + "\",\"target\":{\"type\":\"flag\",\"flag\":\"y\"},"
            + "\"phases\":[{\"name\":\"a\",\"percent\":100}],\"alarms\":[\"a\"]} trailing";
    HttpResponse<String> answer = target.post("/rollouts", "application/yaml", json);

    assertThat(answer.statusCode()).isEqualTo(400);
    target.assertUnharmed(answer.statusCode(), json);
  }

  @Test
  void weakOrStaleTagsNeverMatch() {
    String id = target.started(fresh());
    String current = target.get("/rollouts/" + id).headers().firstValue("ETag").orElseThrow();
    for (String tag : List.of("W/" + current, "W/\"v1\"", "\"v999\"", "garbage")) {
      HttpResponse<String> answer =
          target.send(
              HttpRequest.newBuilder(target.uri("/rollouts/" + id))
                  .header("If-Match", tag)
                  .header("Content-Type", "application/yaml")
                  .PUT(HttpRequest.BodyPublishers.ofString(HostileTarget.validPlan(id))));

      assertThat(answer.statusCode()).as("If-Match %s", tag).isEqualTo(412);
      target.assertUnharmed(answer.statusCode(), "If-Match " + tag);
    }
  }

  @Test
  void aGateBelowZeroIsRefused() {
    String yaml =
        "rollout: "
            + fresh()
            + "\ntarget: { type: flag, flag: y }\nphases:\n  - { name: a, percent: 5 }\n"
            + "metrics:\n  e: { namespace: N, metric: M, stat: Average }\n"
            + "gates:\n  - { metric: e, op: \">\", threshold: -5%, action: rollback }\n";
    HttpResponse<String> answer = target.post("/rollouts", "application/yaml", yaml);

    assertThat(answer.statusCode()).isEqualTo(400);
    target.assertUnharmed(answer.statusCode(), "threshold -5%");
  }

  /** An id no case has used, so one case's outcome never decides another's. */
  private static String fresh() {
    return "h" + IDS.incrementAndGet();
  }
}

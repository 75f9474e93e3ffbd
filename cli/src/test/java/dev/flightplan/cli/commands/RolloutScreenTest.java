package dev.flightplan.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The screen from the API's JSON alone: bar, bake time left, gates with their last values. */
class RolloutScreenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ROLLOUT =
      """
      {"id":"search","status":"RUNNING","revision":2,
       "progress":{"phase":2,"phases":4,"phaseName":"beta","phaseStartedAt":"2026-03-02T10:00:00Z",
                   "bakeEndsAt":"2026-03-02T14:00:00Z","exposure":{"percent":5,"audiences":["staff"]}},
       "lastDecision":{"kind":"HOLD","at":"2026-03-02T11:00:00Z","reason":"bake time not over"},
       "plan":{"metrics":{"error_rate":{"ratio":{"numerator":"Errors","denominator":"Requests"}}},
               "gates":[{"name":"errors","metric":"error_rate","op":">","threshold":0.05,"for":"10m","action":"rollback"},
                        {"name":"slow","metric":"p95","op":">","relative":"2x","action":"pause"}]},
       "state":{"nextEvaluationAt":"2026-03-02T11:01:00Z","checklist":{"done":["a"],"open":[]}},
       "eta":{"nextStep":"advance to standard-5 (5%)","nextStepAt":"2026-03-02T14:00:00Z",
              "completesAt":"2026-03-04T17:01:00Z","waitsFor":["approval of all"],
              "assumes":"every gate keeps passing and approvals are given when asked"}}
      """;
  private static final String HISTORY =
      """
      [{"seq":1,"at":"2026-03-02T10:30:00Z","gate":"errors","values":{"candidate":0.012,"baseline":0.01}}]
      """;

  @Test
  void rendersEveryPart() throws Exception {
    JsonNode rollout = JSON.readTree(ROLLOUT);
    Instant now = Instant.parse("2026-03-02T11:00:00Z");

    String screen = RolloutScreen.render(rollout, JSON.readTree(HISTORY), now, ZoneOffset.UTC);

    assertThat(screen.lines())
        .containsExactly(
            "Rollout    search  (revision 2)",
            "Status     RUNNING",
            "Phase      2 of 4  beta",
            "Exposure   5% + staff",
            "Progress   [#############...........................]  bake 3h 0m left",
            "Gates      errors  error_rate > 5% for 10m  rollback  last: candidate=0.012 baseline=0.01"
                + " (2026-03-02T10:30:00Z)",
            "           slow    p95 > 2x baseline        pause     last: -",
            "Decision   HOLD  bake time not over  (at 2026-03-02T11:00:00Z)",
            "Next step  advance to standard-5 (5%)  Mon 2 Mar 14:00 (in 3h 0m)",
            "ETA        Wed 4 Mar 17:01 (in 2d 6h)  waits for: approval of all",
            "Checklist  done: a  open: -");
  }

  @Test
  void showsWhyItHoldsAndEachGatesLatestEvaluation() throws Exception {
    String recorded =
        ROLLOUT.replaceFirst(
            "\\{\"id\"",
            """
            {"holding":{"kind":"BAKING","reason":"baking phase beta: 3h left of 4h",
                        "since":"2026-03-02T10:01:00Z","until":"2026-03-02T14:00:00Z"},
             "gates":[{"name":"errors","verdict":"PASS","values":{"candidate":0.012,"baseline":0.01},
                       "samples":{"candidate":1234,"baseline":9876},"pValue":0.031,
                       "evaluatedAt":"2026-03-02T10:57:00Z"},
                      {"name":"slow","verdict":null,"values":{"candidate":null,"baseline":null}}],
             "id\"""");
    Instant now = Instant.parse("2026-03-02T11:00:00Z");

    String screen = RolloutScreen.render(JSON.readTree(recorded), JSON.readTree(HISTORY), now);

    assertThat(screen.lines())
        .contains(
            "Holding    baking phase beta: 3h left of 4h  (since 2026-03-02T10:01:00Z, 59m 0s ago)",
            "Gates      errors  error_rate > 5% for 10m  rollback  last: PASS 1.2% vs 1%"
                + " n=1234/9876 p=0.031 at 2026-03-02T10:57:00Z",
            "           slow    p95 > 2x baseline        pause     last: -");
  }

  @Test
  void completedFillsTheBar() throws Exception {
    JsonNode rollout =
        JSON.readTree(ROLLOUT.replace("\"status\":\"RUNNING\"", "\"status\":\"COMPLETED\""));

    assertThat(RolloutScreen.bar(rollout, Instant.EPOCH)).isEqualTo("[" + "#".repeat(40) + "]");
  }

  @Test
  void etaTimesAreOnTheUsersClock() throws Exception {
    JsonNode rollout = JSON.readTree(ROLLOUT);
    Instant now = Instant.parse("2026-03-02T11:00:00Z");

    String screen =
        RolloutScreen.render(rollout, JSON.readTree(HISTORY), now, ZoneId.of("America/New_York"));

    assertThat(screen)
        .contains("Next step  advance to standard-5 (5%)  Mon 2 Mar 09:00 (in 3h 0m)");
  }

  @Test
  void aWaitForAPersonHasNoNextStepTime() throws Exception {
    JsonNode paused =
        JSON.readTree(
            """
            {"nextStep":"resume, then advance to half (50%)","nextStepAt":null,"completesAt":null,
             "waitsFor":["someone to resume it"],"assumes":"it is resumed now"}
            """);

    assertThat(EtaText.lines(paused, Instant.EPOCH, ZoneOffset.UTC))
        .containsExactly(
            "Next step  resume, then advance to half (50%)",
            "ETA        unknown  waits for: someone to resume it");
  }

  @Test
  void anEndedRolloutShowsNoEta() throws Exception {
    JsonNode ended = JSON.readTree("null");

    assertThat(EtaText.lines(ended, Instant.EPOCH, ZoneOffset.UTC))
        .containsExactly("Next step  -", "ETA        -");
    assertThat(EtaText.column(ended, Instant.EPOCH, ZoneOffset.UTC)).isEqualTo("-");
  }

  @Test
  void durationsReadAsTheirTwoLargestUnits() {
    assertThat(RolloutScreen.human(Duration.ofHours(50))).isEqualTo("2d 2h");
    assertThat(RolloutScreen.human(Duration.ofSeconds(125))).isEqualTo("2m 5s");
    assertThat(RolloutScreen.human(Duration.ofSeconds(9))).isEqualTo("9s");
  }
}

package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.plan.PlanReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo reads history in the one spelling, and entries an older server wrote in lower case. */
class DemoHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OLD =
      """
      {"items":[{"seq":1,"at":"2026-03-02T10:00:00Z","action":"create","actor":"a","phase":-1},
                {"seq":2,"at":"2026-03-02T10:00:00Z","action":"checklist","actor":"a","phase":-1},
                {"seq":3,"at":"2026-03-02T10:01:00Z","action":"start","actor":"a","phase":0},
                {"seq":4,"at":"2026-03-02T10:09:00Z","action":"rollback","actor":"controller",
                 "phase":-1,"reason":"errors"}]}
      """;

  @Test
  void aLowerCaseRollbackIsStillTheRollback() throws Exception {
    JsonNode rollback = Demo.lastRollback(JSON.readTree(OLD));

    assertThat(rollback.path("seq").asInt()).isEqualTo(4);
    assertThat(Demo.lastRollback(JSON.readTree(OLD.replace("\"rollback\"", "\"ROLLBACK\""))))
        .isNotNull();
  }

  @Test
  void theTimelineShowsOneSpellingAndSkipsTheSetup() throws Exception {
    StringWriter text = new StringWriter();
    DemoTimeline timeline = new DemoTimeline(plan(), new PrintWriter(text));

    timeline.print(JSON.readTree(OLD));

    assertThat(text.toString().lines())
        .extracting(l -> l.split("\\s+")[1])
        .containsExactly("START", "ROLLBACK");
  }

  private static dev.flightplan.core.plan.Plan plan() {
    return PlanReader.read(Demo.planText());
  }
}

package dev.flightplan.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiResult;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.HistoryActions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The docs/design.md §2 example, end to end through the local API: create, tick off the checklist,
 * start, approve whenever asked, while the simulator fails 8 % of the candidate's requests from
 * {@code standard-5} on, until the controller rolls the rollout back.
 */
final class Demo {
  static final String PLAN = "/local/new-search-algorithm.yaml";
  static final String FAULT = "error-rate=8%@standard-5";
  static final String ROLLOUT = "new-search-algorithm";

  /** A Monday morning; the demo's plan has no window, but its output stays the same run to run. */
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private static final Set<String> ENDED = Set.of("COMPLETED", "ROLLED_BACK", "ABORTED");

  private final LocalRuntime runtime;
  private final ApiClient client;
  private final Plan plan;
  private final DemoTimeline timeline;
  private final PrintWriter out;

  Demo(LocalRuntime runtime, PrintWriter out) {
    this.runtime = runtime;
    this.client = ApiClient.forEndpoint(runtime.endpoint().toString(), true);
    this.plan = PlanReader.read(planText());
    this.timeline = new DemoTimeline(plan, out);
    this.out = out;
  }

  /** The names of the demo plan's phases, in order. */
  static List<String> phaseNames() {
    return PlanReader.read(planText()).phases().stream().map(Phase::name).toList();
  }

  static String planText() {
    try (InputStream in = Demo.class.getResourceAsStream(PLAN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs until the rollout ends or {@code maxMinutes} simulated minutes pass; 0 on rollback. */
  int run(Duration tick, int maxMinutes) throws InterruptedException {
    long started = System.nanoTime();
    setUp();
    String status = status();
    for (int minute = 0; minute < maxMinutes && !ENDED.contains(status); minute++) {
      Thread.sleep(tick);
      runtime.tick();
      status = status();
      if (status.equals("AWAITING_APPROVAL")) {
        call(client.post(path("/approve"), "application/json", "{\"reason\":\"demo\"}"));
        status = status();
      }
      timeline.print(history());
    }
    return summary(status, Duration.ofNanos(System.nanoTime() - started));
  }

  private void setUp() {
    call(client.post("/rollouts", "application/yaml", planText()));
    for (String item : plan.checklist()) {
      call(client.post(path("/checklist/" + item), "application/json", "{}"));
    }
    timeline.header();
    call(client.post(path("/start"), "application/json", "{}"));
    timeline.print(history());
  }

  /** The newest rollback in {@code history}, however an older server spelled it; else null. */
  static JsonNode lastRollback(JsonNode history) {
    JsonNode rollback = null;
    for (JsonNode entry : history.path("items")) {
      if ("ROLLBACK".equals(HistoryActions.canonical(entry.path("action").asText()))) {
        rollback = entry;
      }
    }
    return rollback;
  }

  private int summary(String status, Duration wall) {
    JsonNode rollback = lastRollback(history());
    boolean automatic =
        status.equals("ROLLED_BACK")
            && rollback != null
            && rollback.path("actor").asText().equals("controller");
    out.println();
    out.printf(
        "outcome    %s at %s%n",
        status, rollback != null ? rollback.path("at").asText() : runtime.now());
    if (rollback != null) {
      out.println(
          TerminalText.escape(
              "rollback   by "
                  + rollback.path("actor").asText()
                  + ": "
                  + rollback.path("reason").asText()));
    }
    out.printf(
        "time       %d simulated minutes in %.1f s%n",
        Duration.between(START, runtime.now()).toMinutes(), wall.toMillis() / 1000.0);
    out.println(
        automatic
            ? "The injected fault was caught and the controller rolled the rollout back."
            : "The controller did not roll back; the demo failed.");
    out.flush();
    return automatic ? 0 : 1;
  }

  private String status() {
    return call(client.get(path(""))).json().path("status").asText();
  }

  private JsonNode history() {
    return call(client.get(path("/history"))).json();
  }

  private String path(String suffix) {
    return "/rollouts/" + ApiClient.segment(plan.id()) + suffix;
  }

  private static ApiResult call(ApiResult result) {
    if (result.status() >= 300) {
      throw new IllegalStateException(
          "the local API answered " + result.status() + ": " + result.body());
    }
    return result;
  }
}

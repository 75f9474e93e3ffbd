package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import dev.flightplan.cli.commands.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightplan alarm}: a plan's alarms tried in local mode, through the alarm function. */
class LocalAlarmTest {
  private static final String PLAN =
      """
      rollout: checkout-v2
      description: Checkout v2 behind a flag, bound to an alarm
      strategy: percentage
      target: { type: flag, flag: checkout-v2 }
      phases:
        - { name: canary, percent: 5, bake: 1h }
        - { name: all, percent: 100 }
      alarms: [checkout-5xx]
      """;

  @TempDir Path dir;
  private LocalRuntime runtime;
  private String endpoint;

  @BeforeEach
  void start() throws IOException {
    runtime =
        LocalRuntime.start(
            new LocalRuntime.Options(
                0, false, new TrafficSimulator(1, List.of()), null, false, Demo.START),
            new PrintWriter(new StringWriter()));
    endpoint = "--endpoint=" + runtime.endpoint();
    Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);
    assertThat(CliHarness.run("create", "-f", plan.toString(), endpoint).exit()).isZero();
    assertThat(CliHarness.run("start", "checkout-v2", endpoint).exit()).isZero();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void anAlarmBoundByThePlanRollsItBackThroughTheAlarmFunction() {
    Run ok = CliHarness.run("alarm", "checkout-5xx", "--state", "ok", endpoint);
    Run other = CliHarness.run("alarm", "payments-5xx", endpoint);
    Run alarm = CliHarness.run("alarm", "checkout-5xx", endpoint);

    assertThat(ok.out())
        .isEqualTo("alarm checkout-5xx entered OK: no active rollout is bound to it\n");
    assertThat(other.out())
        .isEqualTo("alarm payments-5xx entered ALARM: no active rollout is bound to it\n");
    assertThat(alarm.exit()).isZero();
    assertThat(alarm.out())
        .isEqualTo("alarm checkout-5xx entered ALARM: rolled back checkout-v2\n");
    assertThat(CliHarness.run("get", "checkout-v2", endpoint).out())
        .contains("Status     ROLLED_BACK");
    assertThat(CliHarness.run("history", "checkout-v2", endpoint).out())
        .contains("alarm:checkout-5xx")
        .contains("alarm checkout-5xx entered ALARM");
  }

  @Test
  void theRouteRefusesOtherMethodsStatesAndPagesOfOtherSites() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(runtime.endpoint() + "/local/alarms/checkout-5xx?state=maybe");

    HttpResponse<String> badState =
        http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> get =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> fromAPage =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(badState.body()).contains("state MAYBE is not one of ALARM, OK, INSUFFICIENT_DATA");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(fromAPage.statusCode()).isEqualTo(403);
    assertThat(CliHarness.run("get", "checkout-v2", endpoint).out()).contains("Status     RUNNING");
  }

  @Test
  void anApiWithoutTheRouteSaysOnlyLocalModeTakesAlarms() {
    try (CliHarness api = new CliHarness()) {
      Run run = api.api("alarm", "checkout-5xx");

      assertThat(run.exit()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(run.err())
          .contains("takes no alarms; only flightplan local does")
          .contains("CloudWatch sends alarm state changes through EventBridge");
    }
  }
}

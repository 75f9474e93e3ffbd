package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code flightplan local} as an attacker meets it: DynamoDB Local, the real handlers and the local
 * server on 127.0.0.1, with a running rollout {@code r1} to aim at. After every hostile request,
 * {@link #assertUnharmed} checks what matters: no 5xx, the server still answers, and nothing stored
 * changed (the controller does not tick here, so only a request could change it).
 */
final class HostileTarget implements AutoCloseable {
  static final String ROLLOUT = "r1";
  private final LocalRuntime runtime;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Map<String, String> stored;

  HostileTarget() {
    LocalRuntime.Options options =
        new LocalRuntime.Options(
            0, false, new TrafficSimulator(1, List.of()), null, false, Demo.START);
    runtime = LocalRuntime.start(options, new PrintWriter(new StringWriter()));
    started(ROLLOUT);
  }

  /** Creates rollout {@code id} from {@link #validPlan}, ticks off its checklist and starts it. */
  String started(String id) {
    expect(201, post("/rollouts", "application/yaml", validPlan(id)));
    for (String item : List.of("monitoring", "on-call")) {
      expect(200, post("/rollouts/" + id + "/checklist/" + item, "application/json", "{}"));
    }
    expect(200, post("/rollouts/" + id + "/start", "application/json", "{}"));
    rebase();
    return id;
  }

  int port() {
    return runtime.endpoint().getPort();
  }

  URI uri(String pathAndQuery) {
    return URI.create(runtime.endpoint() + pathAndQuery);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("the server did not answer " + request.build(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)));
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** No 5xx, the server still answers, and the stored rollouts and history are as before. */
  void assertUnharmed(int status, String what) {
    assertThat(status).as("status of %s", what).isBetween(200, 499);
    assertThat(snapshot()).as("what is stored after %s", what).isEqualTo(stored);
  }

  /** After a request that may change things: no 5xx, alive, and whatever it stored is the base. */
  void assertAlive(int status, String what) {
    assertThat(status).as("status of %s", what).isBetween(200, 499);
    rebase();
  }

  /** Takes what is stored now as what later requests must leave unchanged. */
  void rebase() {
    stored = snapshot();
  }

  /** The plan {@code r1} was created from, with another id: valid as it stands. */
  static String validPlan(String id) {
    return plan().replace("rollout: checkout-v2", "rollout: " + id);
  }

  /** The list and the history of {@link #ROLLOUT} as the API shows them. */
  private Map<String, String> snapshot() {
    HttpResponse<String> list = get("/rollouts");
    HttpResponse<String> history = get("/rollouts/" + ROLLOUT + "/history");
    assertThat(list.statusCode()).as("GET /rollouts answers").isEqualTo(200);
    assertThat(history.statusCode()).as("GET history answers").isEqualTo(200);
    return Map.of("list", list.body(), "history", history.body());
  }

  private static void expect(int status, HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
  }

  private static String plan() {
    try {
      return Files.readString(Path.of(CliHarness.plan("checkout.yaml")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    runtime.close();
  }
}

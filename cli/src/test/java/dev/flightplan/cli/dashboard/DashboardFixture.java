package dev.flightplan.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.Flightplan;
import dev.flightplan.cli.local.LocalRuntime;
import dev.flightplan.cli.local.TrafficSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code flightplan local} in this process with rollouts advancing on its simulated clock (a
 * minute every 200 ms), and {@code flightplan dashboard} commands forwarding to it.
 */
final class DashboardFixture implements AutoCloseable {
  static final List<String> ROLLOUTS = List.of("checkout-v2", "search-v3", "pricing-v4");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalRuntime local;
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final List<Thread> dashboards = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  DashboardFixture() {
    local =
        LocalRuntime.start(
            new LocalRuntime.Options(
                0,
                false,
                new TrafficSimulator(3, List.of()),
                null,
                false,
                Instant.parse("2026-11-29T08:00:00Z")),
            new PrintWriter(new StringWriter()));
    ROLLOUTS.forEach(this::started);
    for (int minute = 0; minute < 30; minute++) {
      local.tick();
    }
    ticks.scheduleWithFixedDelay(local::tick, 200, 200, TimeUnit.MILLISECONDS);
  }

  /** Starts {@code flightplan dashboard [options]} on a free port and waits until it answers. */
  URI dashboard(String... options) {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("dashboard", "--endpoint", api().toString()));
    args.addAll(List.of("--port", String.valueOf(port)));
    args.addAll(List.of(options));
    Thread command =
        Thread.ofVirtual()
            .start(() -> Flightplan.commandLine().execute(args.toArray(String[]::new)));
    dashboards.add(command);
    URI address = URI.create("http://127.0.0.1:" + port + "/");
    for (int i = 0; i < 100 && status(address.resolve("config.json"), "GET") != 200; i++) {
      sleep(100);
    }
    return address;
  }

  URI api() {
    return local.endpoint();
  }

  /** The rollout as the API shows it now. */
  JsonNode rollout(String id) {
    try {
      return JSON.readTree(get(api().resolve("/rollouts/" + id)).body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The status of a request with an empty JSON body; -1 when nothing answers. */
  int status(URI uri, String method) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(20))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("flightplan local did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Creates rollout {@code id} with a day's bake per phase, ticks off its checklist, starts it. */
  private void started(String id) {
    String plan =
        read(CliHarness.plan("checkout.yaml"))
            .replace("rollout: checkout-v2", "rollout: " + id)
            .replaceAll("bake: [0-9]+h", "bake: 1d");
    post("/rollouts", "application/yaml", plan, 201);
    for (String item : List.of("monitoring", "on-call")) {
      post("/rollouts/" + id + "/checklist/" + item, "application/json", "{}", 200);
    }
    post("/rollouts/" + id + "/start", "application/json", "{}", 200);
  }

  private void post(String path, String type, String body, int expected) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(api().resolve(path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isEqualTo(expected);
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    try {
      ticks.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dashboards.forEach(Thread::interrupt);
    local.close();
  }
}

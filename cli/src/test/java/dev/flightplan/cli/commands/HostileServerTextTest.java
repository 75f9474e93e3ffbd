package dev.flightplan.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import dev.flightplan.cli.TerminalText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever text an API answers, the CLI prints it as text: an endpoint (or a stored field) that
 * holds escape sequences, line breaks or bidi overrides cannot clear the screen, forge a line or
 * reorder what the user reads.
 */
class HostileServerTextTest {
  /** Clears the screen, forges a table row, turns text red, reverses what follows. */
  private static final String HOSTILE =
      "x\u001b[2J\u001b[H\r\nr2  COMPLETED  forged\u009b31m\u202eevil\u2028";

  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;

  @BeforeEach
  void serveHostileAnswers() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, Object> rollout = rollout();
    answer("/rollouts", 200, Map.of("items", List.of(rollout)));
    answer("/rollouts/r1", 200, rollout);
    answer("/rollouts/r1/history", 200, Map.of("items", List.of(historyEntry())));
    answer(
        "/rollouts/r1/pause",
        409,
        Map.of(
            "title",
            "Not allowed " + HOSTILE,
            "status",
            409,
            "detail",
            HOSTILE,
            "errors",
            List.of(Map.of("path", "reason" + HOSTILE, "message", HOSTILE))));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void listPrintsOneEscapedRowPerRollout() {
    Run run = run("list");

    assertPrintable(run.out());
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.out())
        .contains("x\\x1b[2J\\x1b[H\\r\\nr2  COMPLETED  forged\\x9b31m\\u202eevil");
  }

  @Test
  void historyPrintsOneEscapedRowPerEntry() {
    Run run = run("history", "r1");

    assertPrintable(run.out());
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.out()).contains("\\r\\nr2");
  }

  @Test
  void getAndStatusEscapeEveryValue() {
    Run get = run("get", "r1");
    Run status = run("status", "r1", "--timeout", "1s", "--interval", "1s");

    assertPrintable(get.out());
    assertThat(get.out().lines())
        .allMatch(line -> line.matches("^([A-Z ][a-z ]{9}|ETA {7}) .*"))
        .anyMatch(line -> line.startsWith("Next step  x\\x1b[2J"))
        .anyMatch(line -> line.startsWith("ETA        unknown  waits for: x\\x1b[2J"));
    assertPrintable(status.out() + status.err());
    assertThat(status.out().lines()).hasSize(1);
  }

  @Test
  void jsonOutputEscapesWhatJsonLeavesRaw() {
    Run run = run("get", "r1", "-o", "json");

    assertPrintable(run.out());
    assertThat(run.out()).contains("\\u001B[2J").contains("\\u009b31m").contains("\\u202e");
  }

  @Test
  void problemsFromTheApiAreEscaped() {
    Run run = run("pause", "r1");

    assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
    assertPrintable(run.err());
    assertThat(run.err().lines()).hasSize(2);
  }

  private Run run(String... args) {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--endpoint=http://127.0.0.1:" + server.getAddress().getPort();
    return CliHarness.run(all);
  }

  /** No character a terminal acts on, other than the line breaks the CLI prints itself. */
  private static void assertPrintable(String output) {
    assertThat(output.chars().filter(c -> c != '\n' && TerminalText.acts((char) c)))
        .as(output)
        .isEmpty();
  }

  private static Map<String, Object> rollout() {
    Map<String, Object> exposure = Map.of("percent", 5, "audiences", List.of(HOSTILE));
    Map<String, Object> progress =
        Map.of("phase", 1, "phases", 3, "phaseName", HOSTILE, "exposure", exposure);
    Map<String, Object> gate =
        Map.of("name", HOSTILE, "metric", HOSTILE, "op", ">", "threshold", "5%", "action", "pause");
    return Map.of(
        "id",
        HOSTILE,
        "status",
        "RUNNING",
        "revision",
        1,
        "updatedAt",
        HOSTILE,
        "progress",
        progress,
        "plan",
        Map.of("description", HOSTILE, "gates", List.of(gate)),
        "state",
        Map.of("checklist", Map.of("done", List.of(HOSTILE), "open", List.of())),
        "lastDecision",
        Map.of("kind", "HOLD", "reason", HOSTILE, "at", HOSTILE),
        "eta",
        Map.of("nextStep", HOSTILE, "waitsFor", List.of(HOSTILE)));
  }

  private static Map<String, Object> historyEntry() {
    return Map.of(
        "seq", 1,
        "at", "2026-03-02T10:00:00Z",
        "actor", HOSTILE,
        "action", "pause",
        "from", "RUNNING",
        "to", "PAUSED",
        "reason", HOSTILE);
  }

  private void answer(String path, int status, Map<String, Object> body) {
    server.createContext(
        path,
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals(path)) {
            send(exchange, 404, JSON.createObjectNode().put("title", "Not found"));
            return;
          }
          send(exchange, status, JSON.valueToTree(body));
        });
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    String type = status >= 400 ? "application/problem+json" : "application/json";
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

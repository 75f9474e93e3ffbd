package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Notification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** What local mode prints on its console: notifications and log lines, one line each. */
class ConsoleOutputTest {
  /** An abort reason that clears the screen and forges a notification line of its own. */
  private static final String FORGED =
      "done\u001b[2J\r\nnotify  2026-03-02T10:00:00Z  CRITICAL r1 ROLLBACK: forged \u001b[31m";

  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void aNotificationIsOneEscapedLine() throws Exception {
    Notification aborted =
        new Notification(
            "n1",
            "r1",
            "ABORT",
            Notification.Severity.WARNING,
            "r1 aborted by local:me: " + FORGED,
            FORGED,
            Map.of(),
            Instant.parse("2026-03-02T10:00:00Z"));

    new ConsoleNotifier(out, null).send(aborted);

    assertThat(text.toString().lines())
        .containsExactly(
            "notify  2026-03-02T10:00:00Z  WARNING  r1 ABORT: r1 aborted by local:me: done"
                + "\\x1b[2J\\r\\nnotify  2026-03-02T10:00:00Z  CRITICAL r1 ROLLBACK: forged"
                + " \\x1b[31m");
  }

  @Test
  void aLostRaceIsNotPrintedAtTheConsolesLevel() {
    ConsoleLog console = new ConsoleLog(out, Level.WARN);
    RuntimeException lost =
        new IllegalStateException("settle", new VersionConflictException("r1", null));

    assertThat(console.line(event(Level.WARN, "r1: pending work left for the next tick", lost)))
        .isNull();
    assertThat(console.line(event(Level.ERROR, "r1: not handled in this tick", lost))).isNull();
  }

  @Test
  void aLostRaceIsOneShortDebugLineWhenDebugIsShown() {
    ConsoleLog console = new ConsoleLog(out, Level.DEBUG);

    String line =
        console.line(
            event(Level.ERROR, "r1: not handled", new VersionConflictException("r1", null)));

    assertThat(line)
        .isEqualTo(
            "DEBUG Tick: r1: not handled (VersionConflictException: rollout r1 changed"
                + " concurrently)");
  }

  @Test
  void logLinesAreEscapedAndWarningsKeepNoStackTrace() {
    ConsoleLog console = new ConsoleLog(out, Level.WARN);

    String warning =
        console.line(event(Level.WARN, "refused " + FORGED, new RuntimeException(FORGED)));
    String info = console.line(event(Level.INFO, "tick done", null));

    assertThat(warning).doesNotContain("\n", "\r", "\u001b").startsWith("WARN Tick: refused done");
    assertThat(info).isNull();
  }

  @Test
  void anErrorKeepsItsStackTrace() {
    ConsoleLog console = new ConsoleLog(out, Level.WARN);

    String error =
        console.line(
            event(
                Level.ERROR,
                "failed",
                new IllegalStateException("outer", new IllegalArgumentException("inner"))));

    assertThat(error.lines().findFirst())
        .hasValue("ERROR Tick: failed (IllegalStateException: outer)");
    assertThat(error).contains("  caused by IllegalArgumentException: inner", "    at ");
  }

  private static LogEvent event(Level level, String message, Throwable thrown) {
    return Log4jLogEvent.newBuilder()
        .setLoggerName("dev.flightplan.core.service.Tick")
        .setLevel(level)
        .setMessage(new SimpleMessage(message))
        .setThrown(thrown)
        .build();
  }
}

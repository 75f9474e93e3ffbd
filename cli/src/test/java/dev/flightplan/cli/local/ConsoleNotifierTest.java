package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.state.Notification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleNotifierTest {
  @Test
  void aDigestAboutSeveralRolloutsPrintsADashWhereARolloutIdWouldBe() {
    StringWriter out = new StringWriter();
    Notification digest =
        new Notification(
            "digest:default:daily:2026-11-28T00:00:00Z",
            null,
            "DIGEST",
            Notification.Severity.INFO,
            "[DIGEST] default 2026-11-28: 2 active rollouts",
            "...",
            Map.of(),
            Instant.parse("2026-11-29T00:00:00Z"));

    new ConsoleNotifier(new PrintWriter(out), null).send(digest, "default");

    assertThat(out.toString())
        .isEqualTo(
            "notify  2026-11-29T00:00:00Z  INFO     - DIGEST: [DIGEST] default 2026-11-28: 2"
                + " active rollouts"
                + System.lineSeparator());
  }
}

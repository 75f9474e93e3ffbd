package dev.flightplan.infra.sns;

import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Notification.Severity;
import java.time.Instant;
import java.util.Map;

/** Notifications as the core writes them. */
final class SnsFixtures {
  static final Instant AT = Instant.parse("2026-03-31T09:12:00Z");

  private SnsFixtures() {}

  static Notification rollback(String rolloutId, long seq) {
    return new Notification(
        rolloutId + ":" + seq,
        rolloutId,
        "ROLLBACK",
        Severity.CRITICAL,
        "[ROLLBACK] " + rolloutId + ": error_rate 6.2 % > 5 % for 10m",
        "Rollout "
            + rolloutId
            + ": error_rate 6.2 % > 5 % for 10m\n"
            + "Status: RUNNING -> ROLLED_BACK\n"
            + "Phase: standard-5 (5%)\n"
            + "Cause: error_rate > 5%\n"
            + "Observed: error_rate=6.2\n"
            + "By: controller at 2026-03-31T09:12:00Z\n",
        Map.of("error_rate", 6.2, "requests", 1834.0),
        AT);
  }

  static Notification event(String rolloutId, long seq, String eventType, Severity severity) {
    return new Notification(
        rolloutId + ":" + seq,
        rolloutId,
        eventType,
        severity,
        "[" + eventType + "] " + rolloutId + ": step " + seq,
        "Rollout " + rolloutId + ": step " + seq + "\n",
        Map.of(),
        AT.plusSeconds(seq));
  }
}

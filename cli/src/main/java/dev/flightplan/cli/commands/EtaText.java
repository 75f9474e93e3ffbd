package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The API's {@code eta} as people read it: times on the user's clock and how far off, {@code Mon 30
 * Nov 09:00 (in 2d 3h)}. Pure: the JSON, the time and the zone in, text out.
 */
final class EtaText {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

  private EtaText() {}

  /** The {@code Next step} and {@code ETA} lines of {@code get}; "-" once a rollout has ended. */
  static List<String> lines(JsonNode eta, Instant now, ZoneId zone) {
    if (!eta.isObject()) {
      return List.of(RolloutScreen.line("Next step", "-"), RolloutScreen.line("ETA", "-"));
    }
    Instant nextAt = RolloutScreen.instant(eta.path("nextStepAt"));
    String next = eta.path("nextStep").asText("-");
    String completes = completion(eta, now, zone);
    List<String> waits = new ArrayList<>();
    eta.path("waitsFor").forEach(w -> waits.add(w.asText()));
    if (!waits.isEmpty()) {
      completes += "  waits for: " + String.join("; ", waits);
    }
    return List.of(
        RolloutScreen.line(
            "Next step", nextAt == null ? next : next + "  " + when(nextAt, now, zone)),
        RolloutScreen.line("ETA", completes));
  }

  /** The {@code ETA} column of {@code list}: the earliest completion, or "-". */
  static String column(JsonNode eta, Instant now, ZoneId zone) {
    return eta.isObject() ? completion(eta, now, zone) : "-";
  }

  private static String completion(JsonNode eta, Instant now, ZoneId zone) {
    Instant at = RolloutScreen.instant(eta.path("completesAt"));
    return at == null ? "unknown" : when(at, now, zone);
  }

  /** {@code Mon 30 Nov 09:00 (in 2d 3h)} on the clock of {@code zone}. */
  static String when(Instant at, Instant now, ZoneId zone) {
    String local = LOCAL.format(at.atZone(zone));
    return at.isAfter(now)
        ? local + " (in " + RolloutScreen.human(Duration.between(now, at)) + ")"
        : local + " (now)";
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code get} screen: state, phase k of n, exposure, a bar across the phases, the gates with
 * their last observed values, the last decision, the next step and the ETA. Pure: the API's JSON
 * and the time in, text out, every value escaped for the terminal.
 */
final class RolloutScreen {
  private static final int BAR = 40;

  private RolloutScreen() {}

  static String render(JsonNode rollout, JsonNode history, Instant now) {
    return render(rollout, history, now, ZoneId.systemDefault());
  }

  /** The screen with times of the ETA on the clock of {@code zone}. */
  static String render(JsonNode rollout, JsonNode history, Instant now, ZoneId zone) {
    JsonNode progress = rollout.path("progress");
    JsonNode state = rollout.path("state");
    List<String> lines = new ArrayList<>();
    lines.add(line("Rollout", rollout.path("id").asText() + "  (revision " + rev(rollout) + ")"));
    lines.add(line("Status", rollout.path("status").asText()));
    lines.add(line("Phase", phaseOf(progress) + name(progress)));
    lines.add(line("Exposure", exposureOf(progress.path("exposure"))));
    lines.add(line("Progress", bar(rollout, now) + bakeLeft(progress, now)));
    holding(rollout.path("holding"), now).ifPresent(lines::add);
    lines.addAll(GateLines.of(rollout, history));
    lines.add(line("Decision", decision(rollout.path("lastDecision"))));
    // When it moves on and finishes, not when the controller next looks (a time long past while
    // the window is closed).
    lines.addAll(EtaText.lines(rollout.path("eta"), now, zone));
    lines.add(line("Checklist", checklist(state.path("checklist"))));
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  static String line(String label, String value) {
    return String.format("%-10s %s", label, TerminalText.escape(value));
  }

  /** {@code 2 of 5}; {@code - of 5} before start and after a rollback. */
  static String phaseOf(JsonNode progress) {
    int k = progress.path("phase").asInt();
    return (k == 0 ? "-" : String.valueOf(k)) + " of " + progress.path("phases").asInt();
  }

  /** {@code 5%}, {@code 0% + employees, beta}. */
  static String exposureOf(JsonNode exposure) {
    List<String> audiences = new ArrayList<>();
    exposure.path("audiences").forEach(a -> audiences.add(a.asText()));
    String percent = exposure.path("percent").asText("0") + "%";
    return audiences.isEmpty() ? percent : percent + " + " + String.join(", ", audiences);
  }

  private static String rev(JsonNode rollout) {
    return rollout.path("revision").asText();
  }

  private static String name(JsonNode progress) {
    return progress.has("phaseName") ? "  " + progress.path("phaseName").asText() : "";
  }

  /** Phases done plus the part of the current bake that has passed, out of all phases. */
  static String bar(JsonNode rollout, Instant now) {
    JsonNode progress = rollout.path("progress");
    int phases = Math.max(1, progress.path("phases").asInt());
    double done;
    if ("COMPLETED".equals(rollout.path("status").asText())) {
      done = phases;
    } else {
      int k = progress.path("phase").asInt();
      done = k == 0 ? 0 : k - 1 + bakeFraction(progress, now);
    }
    int filled = (int) Math.round(BAR * done / phases);
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
  }

  private static double bakeFraction(JsonNode progress, Instant now) {
    Instant start = instant(progress.path("phaseStartedAt"));
    Instant end = instant(progress.path("bakeEndsAt"));
    if (start == null || end == null || !end.isAfter(start)) {
      return 1;
    }
    double total = Duration.between(start, end).toMillis();
    return Math.clamp(Duration.between(start, now).toMillis() / total, 0, 1);
  }

  private static String bakeLeft(JsonNode progress, Instant now) {
    Instant end = instant(progress.path("bakeEndsAt"));
    if (end == null) {
      return "";
    }
    return end.isAfter(now)
        ? "  bake " + human(Duration.between(now, end)) + " left"
        : "  bake done";
  }

  /** Why it is not moving, and since when; nothing when it holds for nothing. */
  private static java.util.Optional<String> holding(JsonNode holding, Instant now) {
    if (!holding.isObject()) {
      return java.util.Optional.empty();
    }
    Instant since = instant(holding.path("since"));
    String when =
        since == null
            ? ""
            : "  (since " + since + ", " + human(max0(Duration.between(since, now))) + " ago)";
    return java.util.Optional.of(line("Holding", holding.path("reason").asText("-") + when));
  }

  private static Duration max0(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String decision(JsonNode last) {
    if (last.isMissingNode() || last.isNull()) {
      return "none yet";
    }
    return last.path("kind").asText()
        + "  "
        + last.path("reason").asText("")
        + "  (at "
        + last.path("at").asText("-")
        + ")";
  }

  private static String checklist(JsonNode checklist) {
    List<String> done = new ArrayList<>();
    List<String> open = new ArrayList<>();
    checklist.path("done").forEach(i -> done.add(i.asText()));
    checklist.path("open").forEach(i -> open.add(i.asText()));
    if (done.isEmpty() && open.isEmpty()) {
      return "-";
    }
    return "done: "
        + (done.isEmpty() ? "-" : String.join(", ", done))
        + "  open: "
        + (open.isEmpty() ? "-" : String.join(", ", open));
  }

  static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }

  /** {@code 2d 3h}, {@code 47m 10s}: the two largest units. */
  static String human(Duration d) {
    long s = d.toSeconds();
    if (s >= 86_400) {
      return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
    }
    if (s >= 3600) {
      return s / 3600 + "h " + s % 3600 / 60 + "m";
    }
    return s >= 60 ? s / 60 + "m " + s % 60 + "s" : s + "s";
  }
}

package dev.flightplan.core.decide;

import dev.flightplan.core.plan.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The words of decision reasons that take more than a concatenation. */
public final class Wording {
  private static final DateTimeFormatter OPENS =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

  private Wording() {}

  /** "2d 3h", "3h 12m", "12m", "45s": the two largest units, rounded down. */
  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    if (days > 0) {
      return hours > 0 ? days + "d " + hours + "h" : days + "d";
    }
    if (hours > 0) {
      return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
    }
    return minutes > 0 ? minutes + "m" : s + "s";
  }

  /** "outside the window: opens Mon 2025-03-31 09:00 Europe/Berlin". */
  public static String closedWindow(Window window, Instant now) {
    Optional<Instant> opening = window.nextOpening(now);
    if (opening.isEmpty()) {
      return "outside the window: it does not open again";
    }
    return "outside the window: opens "
        + OPENS.format(opening.get().atZone(window.zone()))
        + " "
        + window.zone().getId();
  }
}

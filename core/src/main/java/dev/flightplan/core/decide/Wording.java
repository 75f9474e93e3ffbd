package dev.flightplan.core.decide;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Window;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
    return "outside the window: " + opens(window, window.nextOpening(now));
  }

  /** "opens Mon 2025-03-31 09:00 Europe/Berlin", or "it does not open again". */
  public static String opens(Window window, Optional<Instant> opening) {
    return opening.map(at -> "opens " + at(at, window.zone())).orElse("it does not open again");
  }

  /** "Mon 2025-03-31 09:00 Europe/Berlin": an instant on the local clock of {@code zone}. */
  public static String at(Instant instant, ZoneId zone) {
    return OPENS.format(instant.atZone(zone)) + " " + zone.getId();
  }

  /** A phase as people name it: {@code standard-5 (5%)}, {@code internal (employees)}. */
  public static String phase(Plan plan, int index) {
    if (index < 0) {
      return "no phase";
    }
    Exposure exposure = plan.exposureAt(index);
    String share = exposure.basisPoints() > 0 ? percent(exposure.basisPoints()) : "audiences only";
    String audiences =
        exposure.audiences().isEmpty() ? "" : " + " + String.join(", ", exposure.audiences());
    return plan.phases().get(index).name() + " (" + share + audiences + ")";
  }

  /** {@code 5%}, {@code 0.5%}: basis points as a percent. */
  public static String percent(int basisPoints) {
    String text = String.valueOf(basisPoints / 100.0);
    return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
  }
}

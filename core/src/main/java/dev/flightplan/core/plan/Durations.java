package dev.flightplan.core.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in plan files: the short form {@code 90s}, {@code 10m}, {@code 48h}, {@code 2d} (one
 * whole number and one unit; a day is 24 hours) or ISO-8601 ({@code PT10M}, {@code P2D}). Zero is
 * {@code 0s} (or a bare {@code 0}); negative durations are refused.
 */
public final class Durations {
  static final String HINT = "use e.g. 90s, 10m, 48h, 2d or ISO-8601 like PT10M";

  private static final Pattern SHORT = Pattern.compile("(\\d{1,12})([smhd])");

  private Durations() {}

  /** Parses a duration, or throws {@link IllegalArgumentException} saying what is wrong. */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      return iso(trimmed);
    }
    throw new IllegalArgumentException(PlanText.quote(text) + " is not a duration");
  }

  private static Duration iso(String text) {
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(PlanText.quote(text) + " is not an ISO-8601 duration", e);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException(PlanText.quote(text) + " is negative");
    }
    return duration;
  }

  /** The short form, in the largest unit that divides the duration evenly: 2d, 36h, 90s. */
  public static String format(Duration duration) {
    if (duration.getNano() != 0 || duration.isNegative()) {
      return duration.toString();
    }
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}

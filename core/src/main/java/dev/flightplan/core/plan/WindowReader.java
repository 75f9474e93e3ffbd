package dev.flightplan.core.plan;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code window}: {@code {days: [MON, …], from: "09:00", to: "16:00", zone: Europe/Berlin,
 * blackout: [2026-12-24, …]}}. Days default to all seven, the times to the whole day ({@code from
 * == to}; {@code from > to} wraps past midnight) and the zone to UTC. An absent window is {@link
 * Window#ALWAYS}. Zones are normalized, so {@code UTC} and {@code Z} are the same zone.
 */
final class WindowReader {
  private static final List<String> FIELDS = List.of("days", "from", "to", "zone", "blackout");

  private WindowReader() {}

  static Window read(Node node) {
    if (!node.isObject(FIELDS)) {
      return Window.ALWAYS;
    }
    int before = node.errorCount();
    Set<DayOfWeek> days = days(node.get("days"));
    LocalTime from = time(node.get("from"));
    LocalTime to = time(node.get("to"));
    ZoneId zone = zone(node.get("zone"));
    List<LocalDate> blackout = blackout(node.get("blackout"));
    return node.errorCount() > before ? null : new Window(days, from, to, zone, blackout);
  }

  private static Set<DayOfWeek> days(Node node) {
    if (!node.isPresent()) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Node item : node.items(PlanLimits.DAYS)) {
      String text = NodeValues.required(item);
      DayOfWeek day = text == null ? null : day(text);
      if (text != null && day == null) {
        item.error(
            PlanText.quote(text) + " is not a day", "use MON, TUE, WED, THU, FRI, SAT or SUN");
      } else if (day != null) {
        days.add(day);
      }
    }
    if (node.json().isArray() && node.json().isEmpty()) {
      node.error("must name at least one day", "omit days to allow every day");
    }
    return days;
  }

  private static DayOfWeek day(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
        return day;
      }
    }
    return null;
  }

  private static LocalTime time(Node node) {
    String text = NodeValues.text(node);
    if (text == null) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeException e) {
      node.error(
          PlanText.quote(text) + " is not a time of day",
          "use HH:MM in 24-hour time, e.g. \"09:00\"");
      return LocalTime.MIDNIGHT;
    }
  }

  private static ZoneId zone(Node node) {
    String text = NodeValues.text(node, PlanLimits.ZONE);
    if (text == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(text.strip()).normalized();
    } catch (DateTimeException e) {
      node.error(
          PlanText.quote(text) + " is not a time zone", "use a region like Europe/Berlin, or UTC");
      return ZoneOffset.UTC;
    }
  }

  private static List<LocalDate> blackout(Node node) {
    List<LocalDate> dates = new ArrayList<>();
    for (Node item : node.items(PlanLimits.BLACKOUT_DATES)) {
      String text = NodeValues.required(item);
      if (text == null) {
        continue;
      }
      try {
        dates.add(LocalDate.parse(text.strip()));
      } catch (DateTimeException e) {
        item.error(PlanText.quote(text) + " is not a date", "use YYYY-MM-DD, e.g. 2026-12-24");
      }
    }
    return dates;
  }
}

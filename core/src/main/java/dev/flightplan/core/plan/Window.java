package dev.flightplan.core.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a rollout may advance: on {@code days}, from {@code from} (inclusive) to {@code to}
 * (exclusive) local time in {@code zone}, except on {@code blackout} dates. Rollbacks ignore it.
 */
public record Window(
    Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone, List<LocalDate> blackout) {

  public static final Window ALWAYS =
      new Window(
          EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MIN, ZoneOffset.UTC, List.of());

  public Window {
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    blackout = List.copyOf(blackout);
  }
}

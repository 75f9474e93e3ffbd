package dev.flightplan.core.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * When a rollout may advance: on {@code days}, from {@code from} (inclusive) to {@code to}
 * (exclusive) local time in {@code zone}, except on {@code blackout} dates. Rollbacks ignore it.
 *
 * <p>{@code from == to} is the whole day. {@code from > to} wraps past midnight and belongs to the
 * day it started: a Friday 22:00–02:00 window is open until Saturday 02:00 even when Saturday is
 * not one of the days. Blackout dates are local dates: nothing opens on them, and the part of a
 * wrapped window that spills into one is closed too.
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

  /** Whether the window is open at {@code at}, judged on the local clock of {@code zone}. */
  public boolean isOpen(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalDate date = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (from.equals(to)) {
      return opensOn(date);
    }
    if (from.isBefore(to)) {
      return opensOn(date) && !time.isBefore(from) && time.isBefore(to);
    }
    if (!time.isBefore(from)) {
      return opensOn(date);
    }
    // After midnight in a wrapped window: it belongs to yesterday's opening.
    return time.isBefore(to) && opensOn(date.minusDays(1)) && !isBlackout(date);
  }

  /**
   * The first instant at or after {@code at} when the window is open; empty when it never opens (no
   * days at all, or every coming opening is blacked out).
   */
  public Optional<Instant> nextOpening(Instant at) {
    if (isOpen(at)) {
      return Optional.of(at);
    }
    LocalDate date = LocalDate.ofInstant(at, zone);
    // Each blacked-out date can push the next opening back by at most a week.
    int horizon = 7 * (blackout.size() + 2);
    for (int i = 0; i <= horizon; i++) {
      LocalDate day = date.plusDays(i);
      Optional<Instant> opening = opensOn(day) ? openingOn(day, at) : Optional.empty();
      if (opening.isPresent()) {
        return opening;
      }
    }
    return Optional.empty();
  }

  private boolean opensOn(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !isBlackout(date);
  }

  private boolean isBlackout(LocalDate date) {
    return !blackout.isEmpty() && blackout.contains(date);
  }

  /**
   * When the window opens on {@code day} after {@code at}: a whole-day one at the day's start;
   * inside a DST gap, at the end of the gap; in a repeated hour, at the first run of {@code from}
   * or else its second.
   */
  private Optional<Instant> openingOn(LocalDate day, Instant at) {
    if (from.equals(to)) {
      // A whole-day window opens when the day begins, whatever its from.
      return Optional.of(day.atStartOfDay(zone).toInstant()).filter(opening -> opening.isAfter(at));
    }
    LocalDateTime start = day.atTime(from);
    ZoneOffsetTransition gap = zone.getRules().getTransition(start);
    if (gap != null && gap.isGap()) {
      return Optional.of(gap.getInstant()).filter(opening -> opening.isAfter(at));
    }
    ZonedDateTime first = ZonedDateTime.of(start, zone);
    return Stream.of(first, first.withLaterOffsetAtOverlap())
        .map(ZonedDateTime::toInstant)
        .filter(opening -> opening.isAfter(at))
        .findFirst();
  }
}

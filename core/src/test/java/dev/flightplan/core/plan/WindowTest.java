package dev.flightplan.core.plan;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

// Berlin switches in 2025: 30 March 02:00 CET -> 03:00 CEST and 26 October 03:00 CEST -> 02:00
// CET, both at 01:00 UTC.
class WindowTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final EnumSet<DayOfWeek> MON_THU =
      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY);

  private static Window window(EnumSet<DayOfWeek> days, String from, String to, String... off) {
    List<LocalDate> blackout = java.util.Arrays.stream(off).map(LocalDate::parse).toList();
    return new Window(days, LocalTime.parse(from), LocalTime.parse(to), BERLIN, blackout);
  }

  private static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void officeHoursFollowTheLocalClockOnBothSidesOfTheSpringSwitch() {
    Window office = window(MON_THU, "09:00", "16:00");
    // Monday 24 March, CET (UTC+1).
    assertThat(office.isOpen(utc("2025-03-24T07:59:59Z"))).isFalse();
    assertThat(office.isOpen(utc("2025-03-24T08:00:00Z"))).isTrue();
    assertThat(office.isOpen(utc("2025-03-24T14:59:59Z"))).isTrue();
    assertThat(office.isOpen(utc("2025-03-24T15:00:00Z"))).isFalse();
    // Monday 31 March, CEST (UTC+2).
    assertThat(office.isOpen(utc("2025-03-31T06:59:59Z"))).isFalse();
    assertThat(office.isOpen(utc("2025-03-31T07:00:00Z"))).isTrue();
    assertThat(office.isOpen(utc("2025-03-31T13:59:59Z"))).isTrue();
    assertThat(office.isOpen(utc("2025-03-31T14:00:00Z"))).isFalse();
  }

  @Test
  void windowStartingInsideTheSpringGapOpensWhenTheGapEnds() {
    Window night = window(EnumSet.of(SUNDAY), "02:30", "04:00");
    assertThat(night.isOpen(utc("2025-03-30T00:59:59Z"))).isFalse(); // 01:59:59 CET
    assertThat(night.isOpen(utc("2025-03-30T01:00:00Z"))).isTrue(); // 03:00 CEST
    assertThat(night.isOpen(utc("2025-03-30T01:59:59Z"))).isTrue(); // 03:59:59 CEST
    assertThat(night.isOpen(utc("2025-03-30T02:00:00Z"))).isFalse(); // 04:00 CEST
    assertThat(night.nextOpening(utc("2025-03-30T00:00:00Z")))
        .contains(utc("2025-03-30T01:00:00Z"));
  }

  @Test
  void repeatedAutumnHourIsOpenBothTimes() {
    Window night = window(EnumSet.of(SUNDAY), "02:00", "03:00");
    assertThat(night.isOpen(utc("2025-10-25T23:59:59Z"))).isFalse(); // 01:59:59 CEST
    assertThat(night.isOpen(utc("2025-10-26T00:00:00Z"))).isTrue(); // 02:00 CEST
    assertThat(night.isOpen(utc("2025-10-26T00:59:59Z"))).isTrue(); // 02:59:59 CEST
    assertThat(night.isOpen(utc("2025-10-26T01:00:00Z"))).isTrue(); // 02:00 CET
    assertThat(night.isOpen(utc("2025-10-26T01:59:59Z"))).isTrue(); // 02:59:59 CET
    assertThat(night.isOpen(utc("2025-10-26T02:00:00Z"))).isFalse(); // 03:00 CET
    // The first 02:00 is the opening.
    assertThat(night.nextOpening(utc("2025-10-25T12:00:00Z")))
        .contains(utc("2025-10-26T00:00:00Z"));
  }

  @Test
  void aWholeDayWindowOpensAtMidnightWhateverItsFrom() {
    Window saturdays = window(EnumSet.of(SATURDAY), "02:00", "02:00");
    assertThat(saturdays.nextOpening(utc("2025-04-04T12:00:00Z")))
        .contains(utc("2025-04-04T22:00:00Z")); // Sat 00:00 CEST
  }

  @Test
  void aWindowClosedInTheFirstRunOfTheRepeatedHourOpensAgainInTheSecond() {
    Window night = window(EnumSet.of(SUNDAY), "02:15", "02:45");
    // 02:55 CEST: closed until 02:15 CET, the same Sunday, not the next.
    assertThat(night.nextOpening(utc("2025-10-26T00:55:00Z")))
        .contains(utc("2025-10-26T01:15:00Z"));
  }

  @Test
  void wrappedWindowBelongsToTheDayItStarted() {
    Window late = window(EnumSet.of(FRIDAY), "22:00", "02:00");
    assertThat(late.isOpen(utc("2025-06-06T19:59:59Z"))).isFalse(); // Fri 21:59:59
    assertThat(late.isOpen(utc("2025-06-06T20:00:00Z"))).isTrue(); // Fri 22:00
    assertThat(late.isOpen(utc("2025-06-06T23:59:59Z"))).isTrue(); // Sat 01:59:59
    assertThat(late.isOpen(utc("2025-06-07T00:00:00Z"))).isFalse(); // Sat 02:00
    assertThat(late.isOpen(utc("2025-06-07T21:00:00Z"))).isFalse(); // Sat 23:00
    assertThat(late.isOpen(utc("2025-06-05T22:30:00Z"))).isFalse(); // Fri 00:30, Thursday's
  }

  @Test
  void wrappedWindowAcrossTheSpringSwitchIsAnHourShorter() {
    Window late = window(EnumSet.of(SATURDAY), "22:00", "04:00");
    assertThat(late.isOpen(utc("2025-03-29T21:00:00Z"))).isTrue(); // Sat 22:00 CET
    assertThat(late.isOpen(utc("2025-03-30T01:59:59Z"))).isTrue(); // Sun 03:59:59 CEST
    assertThat(late.isOpen(utc("2025-03-30T02:00:00Z"))).isFalse(); // Sun 04:00 CEST
  }

  @Test
  void blackoutDatesCloseTheWindowIncludingAWrappedTail() {
    Window office = window(MON_THU, "09:00", "16:00", "2025-03-31");
    assertThat(office.isOpen(utc("2025-03-31T08:00:00Z"))).isFalse();
    assertThat(office.isOpen(utc("2025-04-01T08:00:00Z"))).isTrue();

    Window late = window(EnumSet.of(FRIDAY), "22:00", "02:00", "2025-06-07");
    assertThat(late.isOpen(utc("2025-06-06T21:00:00Z"))).isTrue(); // Fri 23:00
    assertThat(late.isOpen(utc("2025-06-06T23:00:00Z"))).isFalse(); // Sat 01:00, blacked out

    Window lateFriOff = window(EnumSet.of(FRIDAY), "22:00", "02:00", "2025-06-06");
    assertThat(lateFriOff.isOpen(utc("2025-06-06T21:00:00Z"))).isFalse();
    assertThat(lateFriOff.isOpen(utc("2025-06-06T23:00:00Z"))).isFalse();
  }

  @Test
  void equalBoundsMeanTheWholeDay() {
    Window saturday = window(EnumSet.of(SATURDAY), "00:00", "00:00");
    assertThat(saturday.isOpen(utc("2025-06-06T22:00:00Z"))).isTrue(); // Sat 00:00
    assertThat(saturday.isOpen(utc("2025-06-07T21:59:59Z"))).isTrue(); // Sat 23:59:59
    assertThat(saturday.isOpen(utc("2025-06-07T22:00:00Z"))).isFalse(); // Sun 00:00
    assertThat(Window.ALWAYS.isOpen(utc("2025-03-30T01:30:00Z"))).isTrue();
  }

  @Test
  void nextOpeningSkipsTheWeekendAndBlackoutDates() {
    Window office = window(MON_THU, "09:00", "16:00");
    Instant fridayAfternoon = utc("2025-03-28T15:00:00Z");
    assertThat(office.nextOpening(fridayAfternoon)).contains(utc("2025-03-31T07:00:00Z"));
    Window mondayOff = window(MON_THU, "09:00", "16:00", "2025-03-31");
    assertThat(mondayOff.nextOpening(fridayAfternoon)).contains(utc("2025-04-01T07:00:00Z"));
    Instant open = utc("2025-04-01T10:00:00Z");
    assertThat(office.nextOpening(open)).contains(open);
  }

  @Test
  void nextOpeningOfAWrappedWindowIsItsStart() {
    Window late = window(EnumSet.of(FRIDAY), "22:00", "02:00");
    assertThat(late.nextOpening(utc("2025-06-07T01:00:00Z"))).contains(utc("2025-06-13T20:00:00Z"));
  }

  @Test
  void aWindowWithoutDaysNeverOpens() {
    Window never = window(EnumSet.noneOf(DayOfWeek.class), "09:00", "16:00");
    assertThat(never.isOpen(utc("2025-06-02T08:00:00Z"))).isFalse();
    assertThat(never.nextOpening(utc("2025-06-02T08:00:00Z"))).isEmpty();
  }
}

package dev.flightplan.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Window;
import dev.flightplan.core.service.TestPlans;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The ETA computed at start is what the real controller then does: a {@link
 * dev.flightplan.core.service.Tick} a minute on a test clock, healthy metrics, approvals given at
 * once, over generated phases, bakes, windows (zones with daylight saving) and blackout dates. Each
 * try draws a seed that replays the case alone.
 */
class EtaAgreesWithControllerTest {
  private static final Instant FIRST_START = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration HORIZON = Duration.ofDays(12);
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"));

  @Property(tries = 60)
  void completionAndFirstStepAreAsForecastAtStart(@ForAll long seed) {
    Random random = new Random(seed);
    // Starts fall on any minute of a year, so some rollouts cross daylight-saving changes.
    Instant start = FIRST_START.plus(ControllerRun.minutes(random.nextInt(365 * 24 * 60)));
    Plan plan =
        ControllerRun.withWindow(
            TestPlans.plan("eta", phases(random), List.of()), window(random, start));
    ControllerRun run = new ControllerRun(plan, start);

    Eta eta = Eta.of(plan, run.start().state(), start).orElseThrow();
    Instant completed = run.runUntil(start.plus(HORIZON));

    Statistics.collect(completed == null ? "not done in 12 days" : "completed");
    String at = "seed " + seed + ", started " + start + ", " + plan.window() + ": " + eta;
    if (completed == null) {
      assertThat(eta.completesAt() == null || eta.completesAt().isAfter(start.plus(HORIZON)))
          .as(at)
          .isTrue();
    } else {
      assertThat(eta.completesAt()).as(at).isEqualTo(completed);
    }
    if (run.firstControllerStep() != null) {
      assertThat(eta.nextStepAt()).as(at).isEqualTo(run.firstControllerStep());
    }
  }

  private static List<Phase> phases(Random random) {
    int count = 1 + random.nextInt(4);
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int percent = i == count - 1 ? 100 : (i + 1) * 100 / count;
      Duration bake = ControllerRun.minutes(bakeMinutes(random));
      boolean approval = i > 0 && random.nextInt(3) == 0;
      phases.add(new Phase("p" + i, percent * 100, List.of(), bake, approval));
    }
    return phases;
  }

  /** None, a few minutes, odd hours, up to a day and a half. */
  private static int bakeMinutes(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(30);
      case 2 -> random.nextInt(12 * 60);
      default -> random.nextInt(36 * 60);
    };
  }

  private static Window window(Random random, Instant start) {
    if (random.nextInt(5) == 0) {
      return Window.ALWAYS;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (days.size() < 3) {
      days.add(DayOfWeek.of(1 + random.nextInt(7)));
    }
    LocalTime from = LocalTime.of(random.nextInt(24), 30 * random.nextInt(2));
    LocalTime to = LocalTime.of(random.nextInt(24), 30 * random.nextInt(2));
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    LocalDate first = LocalDate.ofInstant(start, zone);
    List<LocalDate> blackout = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      blackout.add(first.plusDays(random.nextInt(10)));
    }
    return new Window(days, from, to, zone, blackout.stream().distinct().toList());
  }
}

package dev.flightplan.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Window;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ETA of each status, on the plan of {@link TestPlans}: canary 10m, half 10m, all. {@code T0}
 * is Monday 2025-03-03 09:00 UTC.
 */
class EtaTest {
  private static final Instant T0 = TestPlans.T0;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Window OFFICE =
      new Window(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
          LocalTime.of(9, 0),
          LocalTime.of(16, 0),
          BERLIN,
          List.of());

  private final Plan plan = TestPlans.plan("eta");

  @Test
  void runningCountsBakesAndTheTickAfterTheLastPhase() {
    Eta eta = Eta.of(plan, running(0, T0), T0).orElseThrow();

    assertThat(eta.nextStep()).isEqualTo("advance to half (50%)");
    assertThat(eta.nextStepAt()).isEqualTo(at("09:10"));
    // half bakes 09:10-09:20; all has no bake, so the next tick completes it.
    assertThat(eta.completesAt()).isEqualTo(at("09:21"));
    assertThat(eta.waitsFor()).isEmpty();
    assertThat(eta.assumes())
        .isEqualTo("every gate keeps passing and approvals are given when asked");
  }

  @Test
  void aBakeOverBetweenTicksMovesOnTheNextTick() {
    Eta eta = Eta.of(plan, running(0, T0.plusSeconds(20)), T0.plusSeconds(30)).orElseThrow();

    assertThat(eta.nextStepAt()).isEqualTo(at("09:11"));
  }

  @Test
  void aBakeAlreadyOverMovesOnTheNextTickNotAPastOne() {
    Eta eta =
        Eta.of(plan, running(0, T0), T0.plus(Duration.ofHours(5)).plusSeconds(5)).orElseThrow();

    assertThat(eta.nextStepAt()).isEqualTo(at("14:01"));
  }

  @Test
  void aClosedWindowSaysWhenItOpensAndTheStepWaitsForIt() {
    Plan office = ControllerRun.withWindow(plan, OFFICE);
    // Thursday 15:55 in Berlin: the bake ends after the window closes at 16:00.
    Instant started = Instant.parse("2025-03-06T14:55:00Z");

    Eta eta = Eta.of(office, running(0, started), started).orElseThrow();

    Instant monday = Instant.parse("2025-03-10T08:00:00Z");
    assertThat(eta.nextStepAt()).isEqualTo(monday);
    assertThat(eta.completesAt()).isEqualTo(monday.plus(Duration.ofMinutes(11)));
    assertThat(eta.waitsFor())
        .containsExactly("the window: opens Mon 2025-03-10 09:00 Europe/Berlin");
  }

  @Test
  void blackoutDatesPushTheOpeningBack() {
    Window closedMonday =
        new Window(
            OFFICE.days(), OFFICE.from(), OFFICE.to(), BERLIN, List.of(LocalDate.of(2025, 3, 10)));
    Plan office = ControllerRun.withWindow(plan, closedMonday);
    Instant started = Instant.parse("2025-03-06T14:55:00Z");

    Eta eta = Eta.of(office, running(0, started), started).orElseThrow();

    assertThat(eta.nextStepAt()).isEqualTo(Instant.parse("2025-03-11T08:00:00Z"));
    assertThat(eta.waitsFor())
        .containsExactly("the window: opens Tue 2025-03-11 09:00 Europe/Berlin");
  }

  @Test
  void aWindowThatNeverOpensLeavesTheTimesUnknown() {
    Window never = new Window(Set.of(), LocalTime.of(9, 0), LocalTime.of(16, 0), BERLIN, List.of());
    Plan closed = ControllerRun.withWindow(plan, never);

    Eta eta = Eta.of(closed, running(0, T0), T0).orElseThrow();

    assertThat(eta.nextStepAt()).isNull();
    assertThat(eta.completesAt()).isNull();
    assertThat(eta.waitsFor()).containsExactly("the window: it does not open again");
  }

  @Test
  void approvalsStillToGiveAreListedAndCostATick() {
    Plan approvals = TestPlans.withApprovalAt("eta", 2);

    Eta eta = Eta.of(approvals, running(0, T0), T0).orElseThrow();

    // Asked at 09:20 when half has baked, given at once, advanced at 09:21, completed at 09:22.
    assertThat(eta.completesAt()).isEqualTo(at("09:22"));
    assertThat(eta.waitsFor()).containsExactly("approval of all");
  }

  @Test
  void awaitingApprovalWaitsForAPersonAndCompletesAsIfApprovedNow() {
    Plan approvals = TestPlans.withApprovalAt("eta", 1);
    RolloutState state = state(RolloutStatus.AWAITING_APPROVAL, 0, T0, -1);
    Instant now = T0.plus(Duration.ofHours(1));

    Eta eta = Eta.of(approvals, state, now).orElseThrow();

    assertThat(eta.nextStep()).isEqualTo("approve half, then advance to half (50%)");
    assertThat(eta.nextStepAt()).isNull();
    assertThat(eta.completesAt()).isEqualTo(at("10:12"));
    assertThat(eta.waitsFor()).containsExactly("approval of half");
    assertThat(eta.assumes()).startsWith("it is approved now");
  }

  @Test
  void pausedWaitsForSomeoneToResume() {
    Instant now = T0.plus(Duration.ofMinutes(5));

    Eta eta = Eta.of(plan, state(RolloutStatus.PAUSED, 0, T0, -1), now).orElseThrow();

    assertThat(eta.nextStep()).isEqualTo("resume, then advance to half (50%)");
    assertThat(eta.nextStepAt()).isNull();
    assertThat(eta.completesAt()).isEqualTo(at("09:21"));
    assertThat(eta.waitsFor()).containsExactly("someone to resume it");
    assertThat(eta.assumes()).startsWith("it is resumed now");
  }

  @Test
  void aDraftCompletesAsIfStartedNowAndNamesTheOpenChecklist() {
    Plan checklist = TestPlans.withChecklist("eta", "on-call", "runbook");
    RolloutState draft =
        RolloutState.draft(T0).toBuilder().checklistDone(Set.of("runbook")).build();

    Eta eta = Eta.of(checklist, draft, T0).orElseThrow();

    assertThat(eta.nextStep()).isEqualTo("start at canary (1%)");
    assertThat(eta.nextStepAt()).isNull();
    assertThat(eta.completesAt()).isEqualTo(at("09:21"));
    assertThat(eta.waitsFor()).containsExactly("someone to start it", "the checklist: on-call");
  }

  @Test
  void anEndedRolloutHasNone() {
    for (RolloutStatus status :
        List.of(RolloutStatus.COMPLETED, RolloutStatus.ROLLED_BACK, RolloutStatus.ABORTED)) {
      assertThat(Eta.of(plan, state(status, 2, T0, -1), T0)).as(status.name()).isEmpty();
    }
  }

  @Test
  void aWindowOpeningInsideTheDaylightSavingGapOpensAtItsEnd() {
    // Berlin skips 02:00-03:00 on Sunday 2025-03-30; the 02:30 opening becomes 03:00 CEST.
    Window night =
        new Window(
            EnumSet.of(DayOfWeek.SUNDAY),
            LocalTime.of(2, 30),
            LocalTime.of(4, 0),
            BERLIN,
            List.of());
    Plan plan = ControllerRun.withWindow(this.plan, night);
    Instant saturday = Instant.parse("2025-03-29T12:00:00Z");
    ControllerRun run = new ControllerRun(plan, saturday);

    Eta eta = Eta.of(plan, run.start().state(), saturday).orElseThrow();

    Instant gapEnd = Instant.parse("2025-03-30T01:00:00Z");
    assertThat(eta.nextStepAt()).isEqualTo(gapEnd);
    assertThat(eta.completesAt()).isEqualTo(gapEnd.plus(Duration.ofMinutes(11)));
    assertThat(eta.waitsFor())
        .containsExactly("the window: opens Sun 2025-03-30 03:00 Europe/Berlin");
    assertThat(run.runUntil(saturday.plus(Duration.ofDays(2)))).isEqualTo(eta.completesAt());
  }

  @Test
  void anAutumnWindowInTheRepeatedHourAgreesWithTheController() {
    // Berlin runs 02:00-03:00 twice on Sunday 2025-10-26: started at the first 02:15, the first
    // phase bakes past the first 02:45 and advances at the second 02:15, an hour later.
    Window night =
        new Window(
            EnumSet.of(DayOfWeek.SUNDAY),
            LocalTime.of(2, 15),
            LocalTime.of(2, 45),
            BERLIN,
            List.of());
    List<Phase> phases =
        List.of(
            new Phase("one", 100, List.of(), Duration.ofMinutes(40), false),
            new Phase("all", 10_000, List.of(), Duration.ZERO, false));
    Plan plan = ControllerRun.withWindow(TestPlans.plan("eta", phases, List.of()), night);
    Instant start = Instant.parse("2025-10-26T00:15:00Z");
    ControllerRun run = new ControllerRun(plan, start);

    Eta eta = Eta.of(plan, run.start().state(), start).orElseThrow();

    Instant done = run.runUntil(start.plus(Duration.ofDays(8)));
    assertThat(done).isEqualTo(eta.completesAt());
    assertThat(eta.nextStepAt()).isEqualTo(Instant.parse("2025-10-26T01:15:00Z"));
    assertThat(eta.completesAt()).isEqualTo(Instant.parse("2025-10-26T01:16:00Z"));
  }

  @Test
  void theNotificationLineSaysWhenAndWhatIsNext() {
    Eta eta = Eta.of(plan, running(0, T0), T0).orElseThrow();

    assertThat(eta.line(ZoneOffset.UTC))
        .isEqualTo(
            "ETA: Mon 2025-03-03 09:21 UTC (next: advance to half (50%) at Mon 2025-03-03 09:10 UTC)");
  }

  private static RolloutState running(int phase, Instant startedAt) {
    return state(RolloutStatus.RUNNING, phase, startedAt, -1);
  }

  private static RolloutState state(
      RolloutStatus status, int phase, Instant startedAt, int approved) {
    return RolloutState.draft(startedAt).toBuilder()
        .status(status)
        .phase(phase)
        .phaseStartedAt(startedAt)
        .approvedPhase(approved)
        .build();
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2025-03-03T" + hhmm + ":00Z");
  }
}

package dev.flightplan.core.decide;

import static dev.flightplan.core.decide.TestPlans.ERROR_PAUSE;
import static dev.flightplan.core.decide.TestPlans.ERROR_RATE;
import static dev.flightplan.core.decide.TestPlans.ERROR_ROLLBACK;
import static dev.flightplan.core.decide.TestPlans.LATENCY;
import static dev.flightplan.core.decide.TestPlans.QUALITY;
import static dev.flightplan.core.decide.TestPlans.QUALITY_REQUIRE;
import static dev.flightplan.core.decide.TestPlans.healthy;
import static dev.flightplan.core.decide.TestPlans.plan;
import static dev.flightplan.core.decide.TestPlans.ratio;
import static dev.flightplan.core.decide.TestPlans.running;
import static dev.flightplan.core.decide.TestPlans.state;
import static dev.flightplan.core.decide.TestPlans.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.decide.Decision.Advance;
import dev.flightplan.core.decide.Decision.AwaitApproval;
import dev.flightplan.core.decide.Decision.Complete;
import dev.flightplan.core.decide.Decision.Hold;
import dev.flightplan.core.decide.Decision.Pause;
import dev.flightplan.core.decide.Decision.Rollback;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MissingData;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Window;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of docs/design.md §3.2, in rule order. */
class DecideRulesTest {
  // Friday 6 June 2025, 14:00 in Berlin.
  private static final Instant NOW = Instant.parse("2025-06-06T12:00:00Z");
  private static final Instant BAKED = NOW.minus(Duration.ofDays(4));
  private static final Window MON_THU =
      new Window(
          EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
          LocalTime.of(9, 0),
          LocalTime.of(16, 0),
          ZoneId.of("Europe/Berlin"),
          List.of());

  private static Map<String, MetricReading> with(String metric, MetricReading reading) {
    Map<String, MetricReading> readings = healthy();
    readings.put(metric, reading);
    return readings;
  }

  private static Decision decide(Plan plan, RolloutState state, Map<String, MetricReading> obs) {
    return Decider.decide(plan, state, new Observations(NOW, obs), NOW);
  }

  private static Map<String, GateStreak> breachingSince(String gate, Duration ago) {
    return Map.of(gate, new GateStreak(NOW.minus(ago), 5, 0));
  }

  @Test
  void sustainedRollbackGateRollsBackOutsideWindowDuringBakeAndAwaitingApproval() {
    Plan plan = plan(List.of(ERROR_ROLLBACK, QUALITY_REQUIRE), MON_THU);
    RolloutState state =
        state(
            RolloutStatus.AWAITING_APPROVAL,
            0,
            NOW.minusSeconds(60),
            -1,
            breachingSince("error_rate-rollback", Duration.ofMinutes(10)));
    Decision decision = decide(plan, state, with(ERROR_RATE, ratio(620, 10_000, 100, 10_000)));
    assertThat(decision).isInstanceOf(Rollback.class);
    Rollback rollback = (Rollback) decision;
    assertThat(rollback.cause()).isEqualTo("error_rate-rollback");
    assertThat(rollback.values()).containsEntry("error_rate.candidate", 0.062);
    assertThat(rollback.reason())
        .isEqualTo("error_rate-rollback: error_rate 6.2% > 5%, p<0.0001, for 10m");
  }

  @Test
  void sustainedRollbackGateRollsBackWhilePaused() {
    RolloutState paused = state(RolloutStatus.PAUSED, 2, BAKED, -1, Map.of());
    Decision decision = decide(plan(), paused, with(LATENCY, values(900, 200, 1000)));
    assertThat(decision).isInstanceOf(Rollback.class);
    assertThat(((Rollback) decision).cause()).isEqualTo("latency_p95-rollback");
  }

  @Test
  void inconclusiveRollbackGateNeverRollsBack() {
    RolloutState state =
        state(
            RolloutStatus.RUNNING,
            2,
            BAKED,
            -1,
            breachingSince("error_rate-rollback", Duration.ofHours(1)));
    Decision decision = decide(plan(), state, with(ERROR_RATE, ratio(30, 40, 0, 1000)));
    assertThat(decision).isInstanceOf(Hold.class);
    assertThat(decision.reason()).contains("only 40 of 100 requests");
  }

  @Test
  void erroredRollbackGateNeverRollsBack() {
    RolloutState state =
        state(
            RolloutStatus.RUNNING,
            2,
            BAKED,
            -1,
            breachingSince("error_rate-rollback", Duration.ofHours(1)));
    Evaluation evaluation =
        Decider.evaluate(
            plan(),
            state,
            new Observations(NOW, with(ERROR_RATE, new MetricReading.Failed("Throttling"))),
            NOW);
    assertThat(evaluation.decision()).isInstanceOf(Hold.class);
    // A failed read says nothing about the breach: its streak is kept for the next tick.
    assertThat(evaluation.streaks().get("error_rate-rollback"))
        .isEqualTo(new GateStreak(NOW.minus(Duration.ofHours(1)), 5, 1));
  }

  @Test
  void breachShorterThanForHolds() {
    Plan plan = plan(List.of(ERROR_ROLLBACK, QUALITY_REQUIRE));
    Evaluation evaluation =
        Decider.evaluate(
            plan,
            running(2, BAKED),
            new Observations(NOW, with(ERROR_RATE, ratio(620, 10_000, 100, 10_000))),
            NOW);
    assertThat(evaluation.decision()).isInstanceOf(Hold.class);
    assertThat(evaluation.decision().reason())
        .isEqualTo(
            "waiting on error_rate-rollback: error_rate 6.2% > 5%, p<0.0001, breaching for 0s of 10m");
    assertThat(((Hold) evaluation.decision()).kind()).isEqualTo(HoldKind.GATE_BREACHING);
    assertThat(evaluation.streaks().get("error_rate-rollback"))
        .isEqualTo(new GateStreak(NOW, 1, 0));
  }

  @Test
  void pausedHolds() {
    RolloutState paused = state(RolloutStatus.PAUSED, 2, BAKED, -1, Map.of());
    Decision decision = decide(plan(), paused, healthy());
    assertThat(decision)
        .isEqualTo(
            new Hold(
                "paused: waiting for someone to resume", HoldKind.PAUSED, null, null, null, null));
  }

  @Test
  void pausedSaysWhoPausedAndWhy() {
    RolloutState paused =
        state(RolloutStatus.PAUSED, 2, BAKED, -1, Map.of()).toBuilder()
            .lastDecision(
                new RolloutState.LastDecision(
                    "pause",
                    NOW,
                    "paused by alice: latency looks odd",
                    "arn:aws:iam::1:user/alice"))
            .build();
    Hold hold = (Hold) decide(plan(), paused, healthy());
    assertThat(hold.kind()).isEqualTo(HoldKind.PAUSED);
    assertThat(hold.by()).isEqualTo("arn:aws:iam::1:user/alice");
    assertThat(hold.reason())
        .isEqualTo("paused by alice: latency looks odd; waiting for someone to resume");
    assertThat(Decider.standing(plan(), paused)).contains(hold);
  }

  @Test
  void sustainedPauseGatePauses() {
    Decision decision =
        decide(plan(), running(2, BAKED), with(ERROR_RATE, ratio(100, 10_000, 10, 10_000)));
    assertThat(decision).isInstanceOf(Pause.class);
    Pause pause = (Pause) decision;
    assertThat(pause.gate()).isEqualTo(ERROR_PAUSE.name());
    assertThat(pause.reason()).isEqualTo("error_rate-pause: error_rate 1% > 0.5%, p<0.0001");
  }

  @Test
  void errorLimitPauses() {
    Map<String, GateStreak> threeErrors = Map.of("error_rate-rollback", new GateStreak(null, 0, 3));
    RolloutState state = state(RolloutStatus.RUNNING, 0, NOW, -1, threeErrors);
    Decision decision =
        decide(plan(), state, with(ERROR_RATE, new MetricReading.Failed("Throttling")));
    assertThat(decision).isInstanceOf(Pause.class);
    assertThat(decision.reason())
        .isEqualTo("metric error_rate could not be read 4 times in a row: Throttling");
  }

  @Test
  void errorsBelowTheLimitHold() {
    Map<String, GateStreak> twoErrors = Map.of("error_rate-rollback", new GateStreak(null, 0, 2));
    RolloutState state = state(RolloutStatus.RUNNING, 2, BAKED, -1, twoErrors);
    Decision decision =
        decide(plan(), state, with(ERROR_RATE, new MetricReading.Failed("Throttling")));
    assertThat(decision).isInstanceOf(Hold.class);
    assertThat(decision.reason())
        .startsWith("waiting on error_rate-rollback: error_rate could not be read: Throttling");
    assertThat(((Hold) decision).kind()).isEqualTo(HoldKind.METRIC_ERROR);
    assertThat(((Hold) decision).metric()).isEqualTo(ERROR_RATE);
  }

  @Test
  void bakeNotOverHolds() {
    RolloutState state = running(0, NOW.minus(Duration.ofHours(46).plusMinutes(30)));
    Decision decision = decide(plan(), state, healthy());
    assertThat(decision)
        .isEqualTo(
            new Hold(
                "baking phase internal: 1h 30m left of 2d",
                HoldKind.BAKING,
                null,
                null,
                NOW.plus(Duration.ofMinutes(90)),
                null));
  }

  @Test
  void outsideWindowHolds() {
    Decision decision =
        decide(plan(TestPlans.plan().gates(), MON_THU), running(2, BAKED), healthy());
    assertThat(decision)
        .isEqualTo(
            new Hold(
                "outside the window: opens Mon 2025-06-09 09:00 Europe/Berlin",
                HoldKind.WINDOW_CLOSED,
                null,
                null,
                Instant.parse("2025-06-09T07:00:00Z"),
                null));
  }

  @Test
  void requireUnmetHolds() {
    Decision decision = decide(plan(), running(2, BAKED), with(QUALITY, values(0.8, 0.9, 1000)));
    assertThat(decision)
        .isEqualTo(
            new Hold(
                "waiting on search_quality-require: search_quality 0.8 < 0.85"
                    + " (unmet: needs >= 0.85)",
                HoldKind.GATE_UNMET,
                "search_quality-require",
                null,
                null,
                null));
  }

  @Test
  void missingDataHoldsByDefault() {
    Map<String, MetricReading> readings = healthy();
    readings.remove(ERROR_RATE);
    Decision decision = decide(plan(), running(2, BAKED), readings);
    assertThat(decision).isInstanceOf(Hold.class);
    assertThat(decision.reason()).contains("no data").contains("(and 1 more)");
    assertThat(((Hold) decision).kind()).isEqualTo(HoldKind.MISSING_DATA);
    assertThat(((Hold) decision).metric()).isEqualTo(ERROR_RATE);
    assertThat(((Hold) decision).gate()).isEqualTo("error_rate-rollback");
  }

  @Test
  void missingDataBreachCanRollBack() {
    var gate =
        TestPlans.absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK)
            .missingData(MissingData.BREACH)
            .build();
    Decision decision =
        decide(
            plan(List.of(gate)),
            running(2, BAKED),
            with(ERROR_RATE, new MetricReading.Missing("none")));
    assertThat(decision).isInstanceOf(Rollback.class);
  }

  @Test
  void tooFewSamplesIsInconclusive() {
    Decision decision = decide(plan(), running(2, BAKED), with(ERROR_RATE, ratio(0, 40, 0, 40)));
    assertThat(decision).isInstanceOf(Hold.class);
    assertThat(decision.reason()).contains("error_rate: only 40 of 100 requests");
    assertThat(((Hold) decision).kind()).isEqualTo(HoldKind.GATE_INCONCLUSIVE);
  }

  @Test
  void insignificantRelativeEffectHoldsWithoutRollingBack() {
    // Latency past 2x baseline but with overlapping per-period points.
    MetricReading noisy =
        new MetricReading.Values(
            dev.flightplan.core.gate.VariantSample.of(500, 1000, new double[] {100, 900, 150, 850}),
            dev.flightplan.core.gate.VariantSample.of(
                200, 1000, new double[] {120, 880, 140, 860}));
    Decision decision = decide(plan(), running(2, BAKED), with(LATENCY, noisy));
    assertThat(decision).isInstanceOf(Hold.class);
    assertThat(decision.reason()).contains("but not significant yet").contains("holding");
  }

  @Test
  void approvalNeededAwaits() {
    Decision decision = decide(plan(), running(0, BAKED), healthy());
    assertThat(decision).isEqualTo(new AwaitApproval(1, "beta", "phase beta needs approval"));
  }

  @Test
  void grantedApprovalAdvances() {
    // Approving stores RUNNING with the approved phase; the next tick advances.
    RolloutState approved = state(RolloutStatus.RUNNING, 0, BAKED, 1, Map.of());
    Decision decision = decide(plan(), approved, healthy());
    assertThat(decision).isEqualTo(new Advance(1, "beta", "internal baked and every gate passes"));
  }

  @Test
  void awaitingApprovalHoldsWhateverTheGatesSay() {
    RolloutState waiting = state(RolloutStatus.AWAITING_APPROVAL, 0, BAKED, -1, Map.of());
    Decision decision = decide(plan(), waiting, healthy());
    assertThat(decision)
        .isEqualTo(
            new Hold(
                "awaiting approval of beta", HoldKind.AWAITING_APPROVAL, null, null, null, null));
  }

  @Test
  void awaitingApprovalStillPausesOnASustainedPauseBreach() {
    RolloutState waiting = state(RolloutStatus.AWAITING_APPROVAL, 0, BAKED, -1, Map.of());
    Decision decision = decide(plan(), waiting, with(ERROR_RATE, ratio(100, 10_000, 10, 10_000)));
    assertThat(decision).isInstanceOf(Pause.class);
    assertThat(((Pause) decision).gate()).isEqualTo(ERROR_PAUSE.name());
  }

  @Test
  void healthyPhaseAdvances() {
    Decision decision = decide(plan(), running(2, BAKED), healthy());
    assertThat(decision).isEqualTo(new Advance(3, "all", "standard-5 baked and every gate passes"));
  }

  @Test
  void lastPhaseCompletes() {
    Decision decision = decide(plan(), running(3, NOW), healthy());
    assertThat(decision).isEqualTo(new Complete("phase all baked and every gate passes"));
  }

  @Test
  void inactiveRolloutHoldsAndKeepsItsStreaks() {
    Map<String, GateStreak> streaks = breachingSince("error_rate-rollback", Duration.ofHours(1));
    for (RolloutStatus status :
        List.of(RolloutStatus.DRAFT, RolloutStatus.COMPLETED, RolloutStatus.ROLLED_BACK)) {
      boolean draft = status == RolloutStatus.DRAFT;
      RolloutState state = state(status, 2, BAKED, -1, streaks);
      Evaluation evaluation =
          Decider.evaluate(
              plan(),
              state,
              new Observations(NOW, with(ERROR_RATE, ratio(620, 10_000, 0, 10_000))),
              NOW);
      assertThat(evaluation.decision()).isInstanceOf(Hold.class);
      assertThat(((Hold) evaluation.decision()).kind())
          .isEqualTo(draft ? HoldKind.NOT_STARTED : null);
      if (!draft) {
        assertThat(evaluation.decision().reason()).isEqualTo("not active: " + status);
      }
      assertThat(evaluation.streaks()).isEqualTo(streaks);
    }
  }

  @Test
  void atOneHundredPercentARelativeGateWithoutBaselineDoesNotHoldCompletion() {
    Plan plan = plan(List.of(ERROR_ROLLBACK, TestPlans.LATENCY_ROLLBACK));
    Map<String, MetricReading> candidateOnly = healthy();
    candidateOnly.put(
        ERROR_RATE, new MetricReading.Values(VariantSample.ratio(10, 10_000, new double[0]), null));
    candidateOnly.put(
        LATENCY, new MetricReading.Values(VariantSample.of(200, 1_000, new double[0]), null));

    Decision last = decide(plan, running(3, NOW.minus(Duration.ofHours(1))), candidateOnly);
    Decision earlier = decide(plan, running(2, BAKED), candidateOnly);

    assertThat(last).isInstanceOf(Complete.class);
    // Below 100% the baseline is missing data, and the rollout holds as before.
    assertThat(earlier).isInstanceOf(Hold.class);
    assertThat(((Hold) earlier).reason()).contains("no baseline datapoints");
  }
}

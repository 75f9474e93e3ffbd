package dev.flightplan.core.decide;

import static dev.flightplan.core.decide.TestPlans.ERROR_RATE;
import static dev.flightplan.core.decide.TestPlans.LATENCY;
import static dev.flightplan.core.decide.TestPlans.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MissingData;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Window;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of {@code decide} over generated inputs (jqwik). Each try draws a seed that feeds the
 * generators below, so a failure names a seed that replays the case alone.
 */
class DecidePropertiesTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final String[] METRICS = {ERROR_RATE, LATENCY, QUALITY};
  private static final Window OFFICE =
      new Window(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
          LocalTime.of(9, 0),
          LocalTime.of(16, 0),
          ZoneId.of("Europe/Berlin"),
          List.of());

  @Property(tries = 3_000)
  void runningRolloutMovesOnlyAlongThePlanOrToZero(@ForAll long seed) {
    Random random = new Random(seed);
    Plan plan = plan(random);
    RolloutState state = state(random, RolloutStatus.RUNNING, plan);
    Instant now = state.phaseStartedAt().plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
    Evaluation evaluation =
        Decider.evaluate(plan, state, new Observations(now, readings(random, false)), now);

    int next = state.phase() + 1;
    String at = "seed " + seed + ": " + evaluation.decision();
    switch (evaluation.decision()) {
      case Decision.Advance advance -> {
        assertThat(advance.phase()).as(at).isEqualTo(next);
        assertThat(advance.phaseName()).as(at).isEqualTo(plan.phases().get(next).name());
      }
      case Decision.Complete complete ->
          assertThat(state.phase()).as(at).isEqualTo(plan.lastPhase());
      case Decision.AwaitApproval await -> {
        assertThat(await.phase()).as(at).isEqualTo(next);
        assertThat(plan.phases().get(next).approval()).as(at).isTrue();
      }
      case Decision.Rollback rollback -> assertThat(plan.gate(rollback.cause())).as(at).isPresent();
      case Decision.Pause pause -> assertThat(plan.gate(pause.gate())).as(at).isPresent();
      case Decision.Hold hold -> assertThat(hold.reason()).as(at).isNotBlank();
    }
    // Only gates with a streak to keep are stored; every stored one is a gate of the plan.
    assertThat(plan.gates().stream().map(Gate::name).toList())
        .as(at)
        .containsAll(evaluation.streaks().keySet());
    assertThat(evaluation.streaks().values()).as(at).doesNotContain(GateStreak.CLEAR);
    // The generator must reach every kind of decision, or the property says little.
    String kind = evaluation.decision().getClass().getSimpleName();
    Statistics.collect(kind);
    Statistics.coverage(
        coverage -> {
          for (Class<?> permitted : Decision.class.getPermittedSubclasses()) {
            coverage.check(permitted.getSimpleName()).count(c -> c > 0);
          }
        });
  }

  @Property(tries = 3_000)
  void failedReadsNeverAdvanceCompleteOrRollBack(@ForAll long seed) {
    Random random = new Random(seed);
    Plan plan = plan(random);
    RolloutStatus status = pick(random, RolloutStatus.RUNNING, RolloutStatus.AWAITING_APPROVAL);
    RolloutState state = state(random, status, plan);
    Instant now = state.phaseStartedAt().plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
    Decision decision =
        Decider.decide(plan, state, new Observations(now, readings(random, true)), now);
    assertThat(decision)
        .as("seed " + seed + ": " + decision)
        .isInstanceOfAny(Decision.Hold.class, Decision.Pause.class);
  }

  private static Plan plan(Random random) {
    MissingData missing = pick(random, MissingData.HOLD, MissingData.BREACH);
    Gate rollback =
        TestPlans.absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK)
            .sustain(Duration.ofMinutes(pick(random, 0, 5, 10)))
            .missingData(missing)
            .build();
    List<Gate> gates =
        List.of(
            rollback, TestPlans.LATENCY_ROLLBACK, TestPlans.ERROR_PAUSE, TestPlans.QUALITY_REQUIRE);
    return TestPlans.plan(gates, random.nextBoolean() ? Window.ALWAYS : OFFICE);
  }

  private static RolloutState state(Random random, RolloutStatus status, Plan plan) {
    int phase = random.nextInt(plan.phases().size());
    Instant started = START.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
    Map<String, GateStreak> streaks = new HashMap<>();
    for (Gate gate : plan.gates()) {
      if (random.nextBoolean()) {
        Instant since = random.nextBoolean() ? null : started.minusSeconds(random.nextInt(7200));
        streaks.put(gate.name(), new GateStreak(since, random.nextInt(5), random.nextInt(6)));
      }
    }
    int approved = random.nextInt(plan.phases().size() + 1) - 1;
    return TestPlans.state(status, phase, started, approved, streaks);
  }

  /** Healthy readings with about half of them replaced by something random. */
  private static Map<String, MetricReading> readings(Random random, boolean failedOnly) {
    Map<String, MetricReading> readings = TestPlans.healthy();
    for (String metric : METRICS) {
      if (failedOnly) {
        readings.put(metric, new MetricReading.Failed("ServiceUnavailable"));
        continue;
      }
      switch (random.nextInt(8)) {
        case 0 -> readings.put(metric, new MetricReading.Failed("Throttling"));
        case 1 -> readings.put(metric, new MetricReading.Missing("no datapoints"));
        case 2 -> readings.remove(metric); // not returned at all
        case 3, 4 -> readings.put(metric, values(random, metric));
        default -> {} // stays healthy
      }
    }
    return readings;
  }

  private static MetricReading values(Random random, String metric) {
    if (metric.equals(ERROR_RATE)) {
      double calls = random.nextInt(3000);
      double baseCalls = random.nextInt(3000);
      return new MetricReading.Values(
          VariantSample.ratio(Math.floor(calls * random.nextDouble() * 0.1), calls, new double[0]),
          random.nextInt(8) == 0
              ? null
              : VariantSample.ratio(
                  Math.floor(baseCalls * random.nextDouble() * 0.1), baseCalls, new double[0]));
    }
    double scale = metric.equals(LATENCY) ? 500 : 1;
    return new MetricReading.Values(sample(random, scale), sample(random, scale));
  }

  private static VariantSample sample(Random random, double scale) {
    double[] points = new double[random.nextInt(12)];
    for (int i = 0; i < points.length; i++) {
      points[i] = random.nextDouble() * scale;
    }
    long samples = random.nextInt(4) == 0 ? -1 : random.nextInt(2000);
    return VariantSample.of(random.nextDouble() * scale, samples, points);
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}

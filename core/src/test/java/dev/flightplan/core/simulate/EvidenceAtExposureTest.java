package dev.flightplan.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A phase is judged only on what was measured at its own exposure: a 3x latency regression that
 * shows from the 25 % phase on, with five-minute bakes and a ten-minute lookback, used to reach 100
 * % because the 25 % phase advanced on five minutes of data from the 5 % phase.
 */
class EvidenceAtExposureTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  static final String PLAN =
      """
      rollout: latency-regression
      strategy: percentage
      target: { type: flag, flag: latency-regression }
      phases:
        - { name: c5, percent: 5, bake: 5m }
        - { name: c25, percent: 25, bake: 5m }
        - { name: all, percent: 100, bake: 0s }
      metrics:
        latency_p95:
          namespace: Search
          metric: Latency
          stat: p95
          dimensions: { Variant: "${variant}" }
          lookback: 10m
      gates:
        - { metric: latency_p95, op: ">", relative: 2x, action: rollback }
      alarms: [search-5xx-critical]
      """;

  @Test
  void aRegressionFromThe25PercentPhaseOnNeverReachesAllTraffic() {
    Plan plan = PlanReader.read(PLAN);
    // c25 starts when c5 has baked (T0 + 5m); the candidate is 3x slower from the next minute on
    // (the first minute after a change still serves from flag caches).
    Trace trace = regressionFrom(T0.plus(Duration.ofMinutes(6)));

    Simulation run = Simulator.run(plan, trace, new Simulator.Options(T0, true));

    assertThat(run.summary().outcome()).isNotEqualTo(SimulationOutcome.COMPLETED);
    assertThat(run.timeline())
        .extracting(TimelineEntry::decision)
        .doesNotContain("COMPLETE")
        .containsSubsequence("START", "ADVANCE");
    // It rolls back or holds at c25; it never reaches all traffic.
    assertThat(run.timeline())
        .filteredOn(e -> e.decision().equals("ADVANCE"))
        .extracting(TimelineEntry::phase)
        .containsExactly("c25");
    assertThat(run.summary().percent()).isLessThan(100.0);
  }

  @Test
  void everyReadingComesFromPeriodsAfterItsPhaseBegan() {
    Plan plan = PlanReader.read(PLAN);
    Trace trace = regressionFrom(T0.plus(Duration.ofMinutes(6)));
    Recording metrics = new Recording(new TraceMetricsSource(trace));
    List<HistoryEntry> history = drive(plan, metrics, Duration.ofMinutes(30));

    assertThat(metrics.oldestPeriodBeforePhase).isEmpty();
    assertThat(metrics.readingsWithData).isPositive();
    assertThat(history).extracting(HistoryEntry::action).doesNotContain("COMPLETE");
  }

  @Test
  void aPhaseReadsNothingUntilItsFirstFullPeriodAfterSettling() {
    Plan plan = PlanReader.read(PLAN);
    Rollout rollout = running(plan, 1, T0.plusSeconds(10));
    TraceMetricsSource source = new TraceMetricsSource(regressionFrom(T0)).at(rollout);
    MetricSpec spec = plan.metrics().get("latency_p95");

    MetricReading early = source.reading(spec, T0.plus(Duration.ofSeconds(110)));
    MetricReading first = source.reading(spec, T0.plus(Duration.ofMinutes(2)));

    assertThat(early)
        .isEqualTo(
            new MetricReading.Missing(
                "no evidence at this exposure yet: phase c25 began 09:00:10 UTC; the first full"
                    + " period ends 09:02:00 UTC"));
    assertThat(((MetricReading.Values) first).candidate().periods().starts())
        .containsExactly(T0.plus(Duration.ofMinutes(1)).getEpochSecond());
  }

  @Test
  void theWindowGrowsWithThePhaseUpToTheLookback() {
    Plan plan = PlanReader.read(PLAN);
    Rollout rollout = running(plan, 1, T0);
    TraceMetricsSource source = new TraceMetricsSource(regressionFrom(T0)).at(rollout);
    MetricSpec spec = plan.metrics().get("latency_p95");

    assertThat(candidate(source.reading(spec, T0.plus(Duration.ofMinutes(4)))).points()).hasSize(3);
    assertThat(candidate(source.reading(spec, T0.plus(Duration.ofMinutes(30)))).points())
        .hasSize(10);
    // Without a rollout the exposure change is unknown: the plain lookback, data from before T0.
    assertThat(
            candidate(new TraceMetricsSource(regressionFrom(T0)).reading(spec, T0.plusSeconds(60)))
                .points())
        .hasSize(10);
  }

  @Test
  void noRowsInAShortWindowSaysWhatTheWindowCovered() {
    Plan plan = PlanReader.read(PLAN);
    Trace empty = Trace.builder().add("Latency", Trace.BASELINE, T0, 1, 1).build();
    TraceMetricsSource source = new TraceMetricsSource(empty).at(running(plan, 1, T0));

    MetricReading reading =
        source.reading(plan.metrics().get("latency_p95"), T0.plus(Duration.ofMinutes(4)));

    assertThat(((MetricReading.Missing) reading).detail())
        .isEqualTo(
            "the trace has no rows for candidate in the 3m since 09:01:00 UTC at this exposure");
  }

  static Rollout running(Plan plan, int phase, Instant since) {
    RolloutState state =
        RolloutState.draft(since).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(phase)
            .phaseStartedAt(since)
            .build();
    return new Rollout(plan, state, 1);
  }

  static VariantSample candidate(MetricReading reading) {
    return ((MetricReading.Values) reading).candidate();
  }

  /** Baseline and candidate at 100 ms with a little noise; the candidate 3x from {@code from}. */
  static Trace regressionFrom(Instant from) {
    Trace.Builder trace = Trace.builder();
    for (int m = -20; m < 60; m++) {
      Instant at = T0.plus(Duration.ofMinutes(m));
      double wobble = (m * 7 % 5) - 2;
      double candidate = at.isBefore(from) ? 100 + wobble : 300 + 3 * wobble;
      trace.add("Latency", Trace.CANDIDATE, at, candidate, 1000);
      trace.add("Latency", Trace.BASELINE, at, 100 - wobble, 1000);
    }
    return trace.build();
  }

  /** The controller driven minute by minute over {@code metrics}, as the simulator drives it. */
  static List<HistoryEntry> drive(Plan plan, MetricsSource metrics, Duration length) {
    SimulatedClock clock = new SimulatedClock(T0);
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    InMemoryActuator actuator = new InMemoryActuator();
    RecordingNotifier notifier = new RecordingNotifier();
    RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
    Tick tick = new Tick(store, metrics, actuator, notifier, clock);
    commands.create(plan, "alice");
    commands.start(plan.id(), "alice");
    for (long m = 0; m < length.toMinutes(); m++) {
      clock.advance(Duration.ofMinutes(1));
      tick.run();
      if (store.get(plan.id()).orElseThrow().state().status().isTerminal()) {
        break;
      }
    }
    return store.history(plan.id());
  }

  /** Notes every reading whose oldest period began before its rollout's phase did. */
  static final class Recording implements MetricsSource {
    private final MetricsSource source;
    final List<String> oldestPeriodBeforePhase = new ArrayList<>();
    int readingsWithData;

    Recording(MetricsSource source) {
      this.source = source;
    }

    @Override
    public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
      Map<String, Observations> observed = source.observe(rollouts, now);
      for (Rollout rollout : rollouts) {
        Instant phaseStart = rollout.state().phaseStartedAt();
        observed
            .get(rollout.id())
            .byMetric()
            .forEach(
                (metric, reading) -> {
                  if (reading instanceof MetricReading.Values values) {
                    readingsWithData++;
                    check(now, phaseStart, metric, values.candidate());
                    check(now, phaseStart, metric, values.baseline());
                  }
                });
      }
      return observed;
    }

    private void check(Instant now, Instant phaseStart, String metric, VariantSample sample) {
      if (sample == null) {
        return;
      }
      long[] starts = sample.periods().starts();
      if (starts.length > 0 && starts[0] < phaseStart.getEpochSecond()) {
        oldestPeriodBeforePhase.add(
            now + " " + metric + " reads from " + Instant.ofEpochSecond(starts[0]));
      }
    }
  }
}

package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanRevisions;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.simulate.SimulatedClock;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local mode's simulated traffic through the controller's own tick, minute by minute: a phase is
 * judged only on the traffic of its own exposure.
 */
class LocalEvidenceTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** {@code local --fault latency=3x@c25} with five-minute bakes, as it was reported. */
  static final String FIVE_MINUTE_BAKES =
      """
      rollout: latency-regression
      strategy: percentage
      target: { type: flag, flag: latency-regression }
      phases:
        - { name: c5, percent: 5, bake: 5m }
        - { name: c25, percent: 25, bake: 5m }
        - { name: all, percent: 100, bake: 0s }
      metrics:
        latency_p95: { namespace: Search, metric: Latency, stat: p95, dimensions: { Variant: "${variant}" } }
      gates:
        - { metric: latency_p95, op: ">", relative: 2x, action: rollback }
      alarms: [search-5xx-critical]
      """;

  @Test
  void aLatencyRegressionFromC25OnNeverReachesAllTraffic() {
    Loop loop = new Loop(PlanReader.read(FIVE_MINUTE_BAKES), "latency=3x@c25");
    loop.start();

    loop.run(Duration.ofMinutes(30));

    assertThat(loop.status()).isNotEqualTo(RolloutStatus.COMPLETED);
    assertThat(loop.actions()).contains("ADVANCE").doesNotContain("COMPLETE");
    assertThat(loop.phase()).isLessThanOrEqualTo(1);
    assertThat(loop.metrics.fromBeforeThePhase).isEmpty();
  }

  @Test
  void aRetryStartsFromFreshEvidence() {
    Plan plan = PlanReader.read(Demo.planText());
    Loop loop = new Loop(plan, Demo.FAULT);
    loop.start();
    loop.run(Duration.ofHours(4));
    assertThat(loop.status()).isEqualTo(RolloutStatus.ROLLED_BACK);

    Instant retried = loop.retry();
    loop.metrics.seen.clear();
    loop.run(Duration.ofMinutes(1));
    loop.run(Duration.ofMinutes(1));

    // The first look after the retry has no evidence yet; the next reads one fresh minute.
    Map<String, MetricReading> first = loop.metrics.seen.get(0).byMetric();
    assertThat(first.get("error_rate"))
        .isInstanceOfSatisfying(
            MetricReading.Missing.class,
            missing -> assertThat(missing.detail()).startsWith("no evidence at this exposure yet"));
    var second = (MetricReading.Values) loop.metrics.seen.get(1).get("error_rate");
    assertThat(second.candidate().periods().starts())
        .containsExactly(retried.getEpochSecond() + 60);
    assertThat(second.candidate().value()).isLessThan(0.05);
    assertThat(loop.metrics.fromBeforeThePhase).isEmpty();
    loop.run(Duration.ofMinutes(15));
    assertThat(loop.status()).isNotEqualTo(RolloutStatus.ROLLED_BACK);
  }

  /** The controller on in-memory ports over simulated traffic, approving whenever asked. */
  static final class Loop {
    final Plan plan;
    final SimulatedClock clock = new SimulatedClock(T0);
    final InMemoryRolloutStore store = new InMemoryRolloutStore();
    final RolloutCommands commands;
    final Tick tick;
    final Recording metrics;

    Loop(Plan plan, String fault) {
      this.plan = plan;
      InMemoryActuator actuator = new InMemoryActuator();
      RecordingNotifier notifier = new RecordingNotifier();
      this.metrics = new Recording(new TrafficSimulator(7, List.of(Fault.parse(fault))));
      this.commands = new RolloutCommands(store, actuator, notifier, clock);
      this.tick = new Tick(store, metrics, actuator, notifier, clock);
    }

    void start() {
      commands.create(plan, "alice");
      plan.checklist().forEach(item -> commands.checklistDone(plan.id(), item, "alice"));
      commands.start(plan.id(), "alice");
    }

    /** A new revision of the same plan, retried at once; returns when. */
    Instant retry() {
      commands.replacePlan(plan.id(), PlanRevisions.revised(plan), rollout().version(), "alice");
      commands.retry(plan.id(), "alice");
      return clock.instant();
    }

    void run(Duration length) {
      for (long m = 0; m < length.toMinutes() && !status().isTerminal(); m++) {
        clock.advance(Duration.ofMinutes(1));
        tick.run();
        if (status() == RolloutStatus.AWAITING_APPROVAL) {
          commands.approve(plan.id(), "alice");
        }
      }
    }

    Rollout rollout() {
      return store.get(plan.id()).orElseThrow();
    }

    RolloutStatus status() {
      return rollout().state().status();
    }

    int phase() {
      return rollout().state().phase();
    }

    List<String> actions() {
      return store.history(plan.id()).stream().map(HistoryEntry::action).toList();
    }
  }

  /** Keeps what was observed, and notes any reading older than its rollout's phase. */
  static final class Recording implements MetricsSource {
    private final MetricsSource source;
    final List<Observations> seen = new ArrayList<>();
    final List<String> fromBeforeThePhase = new ArrayList<>();

    Recording(MetricsSource source) {
      this.source = source;
    }

    @Override
    public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
      Map<String, Observations> observed = source.observe(rollouts, now);
      for (Rollout rollout : rollouts) {
        Observations observations = observed.get(rollout.id());
        seen.add(observations);
        long phaseStart = rollout.state().phaseStartedAt().getEpochSecond();
        observations
            .byMetric()
            .forEach(
                (metric, reading) -> {
                  if (reading instanceof MetricReading.Values values) {
                    for (VariantSample sample :
                        new VariantSample[] {values.candidate(), values.baseline()}) {
                      if (sample != null && sample.periods().starts()[0] < phaseStart) {
                        fromBeforeThePhase.add(now + " " + metric);
                      }
                    }
                  }
                });
      }
      return observed;
    }
  }
}

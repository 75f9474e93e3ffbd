package dev.flightplan.bench.quality;

import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.Simulator;
import dev.flightplan.core.simulate.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Simulates every rollout of every scenario through the core's {@link Simulator}, scenarios spread
 * over a few threads. Each rollout draws from its own random stream, derived from the seed, the
 * scenario's label and the rollout's index, so results depend on nothing else: not on the threads,
 * nor on which other scenarios run.
 */
public final class ReportRunner {
  /** When every simulated rollout starts (the plan has no deployment window). */
  static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  private final ReportPlan plan;
  private final long seed;
  private final int threads;
  private final Consumer<String> progress;

  public ReportRunner(ReportPlan plan, long seed, int threads, Consumer<String> progress) {
    this.plan = plan;
    this.seed = seed;
    this.threads = threads;
    this.progress = progress;
  }

  /** Each scenario's result, in the order given. */
  public List<ScenarioResult> run(List<Scenario> scenarios) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger done = new AtomicInteger();
      List<CompletableFuture<ScenarioResult>> results = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        results.add(
            CompletableFuture.supplyAsync(() -> run(scenario), pool)
                .whenComplete(
                    (result, failure) -> report(result, done.incrementAndGet(), scenarios.size())));
      }
      return results.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Minutes of metrics behind each rollout: twice the plan's bake time, for holds to play out. */
  public int horizonMinutes() {
    return 2 * plan.nominalMinutes();
  }

  ScenarioResult run(Scenario scenario) {
    List<RolloutResult> rollouts = new ArrayList<>(scenario.rollouts());
    for (int i = 0; i < scenario.rollouts(); i++) {
      rollouts.add(rollout(scenario, i));
    }
    return new ScenarioResult(scenario, rollouts);
  }

  RolloutResult rollout(Scenario scenario, int index) {
    SplittableRandom stream = new SplittableRandom(streamSeed(scenario, index));
    UniformRandomProvider random = stream::nextLong;
    Regression regression =
        scenario.isHealthy()
            ? Regression.NONE
            : new Regression(
                scenario.kind(),
                scenario.factor(),
                random.nextInt(plan.middlePhasesFrom(), plan.middlePhasesUntil()));
    Trace trace =
        SyntheticTraffic.generate(scenario.traffic(), regression, START, horizonMinutes(), random);
    Simulation run = Simulator.run(plan.plan(), trace, new Simulator.Options(START, true));
    int onset = scenario.isHealthy() ? RolloutResult.NEVER : regression.onsetMinute();
    return RolloutResult.of(run, START, onset);
  }

  private long streamSeed(Scenario scenario, int index) {
    long perScenario = new SplittableRandom(seed ^ scenario.label().hashCode()).nextLong();
    return new SplittableRandom(perScenario + index).nextLong();
  }

  private synchronized void report(ScenarioResult result, int done, int total) {
    if (result != null) {
      progress.accept(
          String.format(
              "[%d/%d] %s: %d rollouts",
              done, total, result.scenario().label(), result.rollouts().size()));
    }
  }
}

package dev.flightplan.bench.quality;

import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How good the gates' decisions are: healthy rollouts (candidate and baseline alike) and rollouts
 * with a regression injected, on synthetic traffic, each replayed minute by minute through the
 * core's {@code Simulator}, so the real tick and decide make every decision. Prints progress to
 * stderr and the report, in Markdown, to stdout. Run it with {@code scripts/decision-report}.
 */
public final class DecisionQualityReport {
  static final double[] REQUESTS_PER_MINUTE = {10, 100, 1_000, 10_000};
  static final double[] ERROR_RATES = {0.001, 0.01, 0.05};
  static final double[] FACTORS = {1.5, 2, 3};

  private DecisionQualityReport() {}

  public static void main(String[] args) {
    ReportOptions options;
    try {
      options = ReportOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.print(report(options, System.err::println));
  }

  /** The whole report for {@code options}; progress goes to {@code progress}. */
  static String report(ReportOptions options, Consumer<String> progress) {
    ReportPlan plan = ReportPlan.load();
    ReportRunner runner = new ReportRunner(plan, options.seed(), options.threads(), progress);
    List<Scenario> scenarios = new ArrayList<>(healthyScenarios(options.rollouts()));
    scenarios.addAll(regressedScenarios(options.powerRollouts()));
    long started = System.nanoTime();
    List<ScenarioResult> results = runner.run(scenarios);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<ScenarioResult> healthyResults =
        results.stream().filter(r -> r.scenario().isHealthy()).toList();
    List<ScenarioResult> regressedResults =
        results.stream().filter(r -> !r.scenario().isHealthy()).toList();
    return header(plan, runner, options)
        + "\n### Healthy rollouts (A/A)\n\n"
        + ReportTables.healthy(healthyResults)
        + "\n"
        + ReportTables.healthyLegend()
        + "\n### Injected regressions (power)\n\n"
        + ReportTables.regressions(regressedResults, plan)
        + "\n"
        + ReportTables.regressionsLegend()
        + "\n"
        + ReportTables.goals(healthyResults, regressedResults, plan)
        + "\n"
        + cost(results, seconds, options.threads());
  }

  static List<Scenario> healthyScenarios(int rollouts) {
    List<Scenario> scenarios = new ArrayList<>();
    for (TrafficProfile traffic : cells()) {
      scenarios.add(Scenario.healthy(traffic, rollouts));
    }
    return scenarios;
  }

  static List<Scenario> regressedScenarios(int rollouts) {
    List<Scenario> scenarios = new ArrayList<>();
    for (TrafficProfile traffic : cells()) {
      for (Regression.Kind kind : Regression.Kind.values()) {
        for (double factor : FACTORS) {
          scenarios.add(Scenario.regressed(traffic, kind, factor, rollouts));
        }
      }
    }
    return scenarios;
  }

  private static List<TrafficProfile> cells() {
    List<TrafficProfile> cells = new ArrayList<>();
    for (double requests : REQUESTS_PER_MINUTE) {
      for (double errorRate : ERROR_RATES) {
        cells.add(new TrafficProfile(requests, errorRate));
      }
    }
    return cells;
  }

  private static String header(ReportPlan plan, ReportRunner runner, ReportOptions options) {
    Plan underTest = plan.plan();
    StringBuilder text = new StringBuilder("## Decision quality: A/A and power\n\n");
    text.append("Plan under test (`bench/src/main/resources/")
        .append(ReportPlan.RESOURCE_PATH)
        .append("`): phases ")
        .append(PlanDescription.phases(underTest))
        .append("; gates:\n\n");
    for (Gate gate : plan.gates()) {
      text.append("* ").append(PlanDescription.gate(underTest, gate)).append('\n');
    }
    text.append(
        String.format(
            Locale.ROOT,
            """

            Traffic per variant and minute, the same at every phase whatever its percent: Poisson \
            requests, Binomial errors, a p95 latency of lognormal requests (p95 %s ms) with a \
            shared and a per-variant minute-to-minute swing. Regressions start at a random minute \
            from %d to %d (the middle phases when nothing holds) and multiply the candidate's \
            error rate or latency. Each rollout runs for at most %d simulated minutes; a rollout \
            rolled back after the onset detected it. Seed %d; %d rollouts per A/A cell, %d per \
            regression; intervals are Clopper–Pearson at 95%%.
            """,
            Formats.number(SyntheticTraffic.LATENCY_P95_MILLIS),
            plan.middlePhasesFrom(),
            plan.middlePhasesUntil() - 1,
            runner.horizonMinutes(),
            options.seed(),
            options.rollouts(),
            options.powerRollouts()));
    return text.toString();
  }

  private static String cost(List<ScenarioResult> results, double seconds, int threads) {
    long rollouts = results.stream().mapToLong(r -> r.rollouts().size()).sum();
    long minutes = results.stream().mapToLong(ScenarioResult::simulatedMinutes).sum();
    return String.format(
        Locale.ROOT,
        "%,d rollouts (%,d simulated minutes) in %.1f s on %d threads: %.0f µs per simulated"
            + " minute and thread.%n",
        rollouts,
        minutes,
        seconds,
        threads,
        seconds * threads * 1e6 / Math.max(1, minutes));
  }
}

package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.simulate.SimulationOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTablesTest {
  private static final TrafficProfile BUSY = new TrafficProfile(1_000, 0.01);
  private static final TrafficProfile QUIET = new TrafficProfile(10, 0.01);
  private final ReportPlan plan = ReportPlan.load();

  @Test
  void aHealthyCellMeetsItsGoalWithAtMostOnePercentRolledBack() {
    String table = ReportTables.healthy(List.of(healthy(BUSY, 1, 100), healthy(QUIET, 2, 100)));

    assertThat(table)
        .contains(
            "| 1,000 | 1% | 100 | 1.0% (0.0%–5.4%) | `error_rate-rollback` 1 | 0.0% (0.0%–3.6%)"
                + " | 99.0% | ✓ |")
        .contains("| 10 | 1% | 100 | 2.0% (0.2%–7.0%) | `error_rate-rollback` 2 |")
        .endsWith("| ✗ |\n");
  }

  @Test
  void theDetectionGoalCoversTwiceOrMoreAtAHundredRequestsOrMore() {
    Scenario covered = Scenario.regressed(BUSY, Regression.Kind.LATENCY, 2, 2);
    Scenario small = Scenario.regressed(BUSY, Regression.Kind.LATENCY, 1.5, 2);
    Scenario quiet = Scenario.regressed(QUIET, Regression.Kind.LATENCY, 3, 2);
    List<ScenarioResult> results =
        List.of(
            regressed(covered, 3, 4),
            regressed(covered, 3, 5),
            regressed(small, 3, 4),
            regressed(quiet, 3, 4));

    List<String> rows = ReportTables.regressions(results, plan).lines().skip(2).toList();

    assertThat(rows.get(0))
        .startsWith("| 1,000 | 1% | latency p95 ×2 | 2 | 100.0% (15.8%–100.0%) | 3 | 4 |")
        .endsWith("| 100.0% (≤ 4 min) | 0.0% | ✓ |");
    assertThat(rows.get(1)).contains("| 3 | 5 | 50.0% (≤ 4 min) |").endsWith("| ✗ |");
    assertThat(rows.get(2)).endsWith("| – |");
    assertThat(rows.get(3)).endsWith("| – |");
    assertThat(ReportTables.goals(List.of(healthy(BUSY, 0, 10)), results, plan))
        .isEqualTo(
            "Goals met: false rollbacks ≤ 1% in 1 of 1 cells; every ≥ 2× regression at ≥ 100"
                + " rpm rolled back within `for` + 2 evaluations in 1 of 2 rows.\n");
  }

  private static ScenarioResult healthy(TrafficProfile traffic, int rolledBack, int rollouts) {
    List<RolloutResult> results = new ArrayList<>();
    for (int i = 0; i < rollouts; i++) {
      results.add(
          i < rolledBack
              ? new RolloutResult(
                  SimulationOutcome.ROLLED_BACK, -1, 30, "error_rate-rollback", -1, 30)
              : new RolloutResult(SimulationOutcome.COMPLETED, -1, -1, null, -1, 60));
    }
    return new ScenarioResult(Scenario.healthy(traffic, rollouts), results);
  }

  /** Two rollouts with onset at 20, rolled back {@code first} and {@code second} minutes later. */
  private static ScenarioResult regressed(Scenario scenario, int first, int second) {
    return new ScenarioResult(
        scenario,
        List.of(
            new RolloutResult(
                SimulationOutcome.ROLLED_BACK, 20, 20 + first, "latency_p95-rollback", -1, 25),
            new RolloutResult(
                SimulationOutcome.ROLLED_BACK, 20, 20 + second, "latency_p95-rollback", -1, 25)));
  }
}

package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A smoke run of the whole report with a handful of rollouts per row. */
class DecisionQualityReportTest {
  private static final ReportOptions TINY = new ReportOptions(2, 1, 11, 2);

  @Test
  void printsEveryCellOfBothTablesAndReportsProgressPerScenario() {
    List<String> progress = new ArrayList<>();

    String report = DecisionQualityReport.report(TINY, progress::add);

    assertThat(report)
        .contains("## Decision quality: A/A and power")
        .contains("* `error_rate-rollback`: error_rate > 1.5x baseline for 2m → rollback")
        .contains("### Healthy rollouts (A/A)")
        .contains("### Injected regressions (power)")
        .contains("Seed 11; 2 rollouts per A/A cell, 1 per regression")
        .contains("Goals met: false rollbacks ≤ 1% in ")
        .containsPattern("96 rollouts \\([0-9,]+ simulated minutes\\) in [0-9.]+ s on 2 threads");
    assertThat(rows(report, "A/A")).hasSize(12);
    assertThat(rows(report, "power")).hasSize(72);
    assertThat(report.lines().filter(l -> l.startsWith("| 10,000 | 5% | latency p95 ×3 | 1 |")))
        .hasSize(1);
    assertThat(progress).hasSize(12 + 72).last().asString().startsWith("[84/84] ");
  }

  @Test
  void theSameSeedGivesTheSameTablesWhateverTheThreads() {
    String one = tables(DecisionQualityReport.report(TINY, line -> {}));
    String other = tables(DecisionQualityReport.report(new ReportOptions(2, 1, 11, 1), line -> {}));

    assertThat(other).isEqualTo(one);
  }

  @Test
  void aRolloutDependsOnTheSeedAndNotOnTheOtherScenarios() {
    ReportRunner runner = new ReportRunner(ReportPlan.load(), 11, 2, line -> {});
    Scenario scenario =
        Scenario.regressed(new TrafficProfile(1_000, 0.01), Regression.Kind.LATENCY, 2, 3);

    ScenarioResult alone = runner.run(List.of(scenario)).get(0);
    ScenarioResult withOthers =
        runner.run(DecisionQualityReport.regressedScenarios(3)).stream()
            .filter(r -> r.scenario().equals(scenario))
            .findFirst()
            .orElseThrow();

    assertThat(withOthers).isEqualTo(alone);
  }

  /** Data rows of the table under the heading that names {@code which}. */
  private static List<String> rows(String report, String which) {
    String table = report.substring(report.indexOf(which + ")\n"));
    int end = table.indexOf("\n\n", table.indexOf("|"));
    return table.substring(0, end).lines().filter(l -> l.matches("\\| [0-9].*")).toList();
  }

  /** The report without its last line, which says how long it took. */
  private static String tables(String report) {
    return report.substring(0, report.stripTrailing().lastIndexOf('\n'));
  }
}

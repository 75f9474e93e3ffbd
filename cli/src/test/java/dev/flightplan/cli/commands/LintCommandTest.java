package dev.flightplan.cli.commands;

import static dev.flightplan.cli.CliHarness.plan;
import static dev.flightplan.cli.CliHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

class LintCommandTest {
  @Test
  void validPlanPrintsOneLineSummaryAndExitsZero() {
    Run run = run("lint", "-f", plan("checkout.yaml"));

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines())
        .singleElement()
        .asString()
        .endsWith(
            "valid: checkout-v2 (percentage), 3 phases: canary 5% 1h -> half 50% 2h -> all 100%");
  }

  @Test
  void invalidPlanListsEveryErrorWithItsPathAndExitsTwo() {
    Run run = run("lint", "-f", plan("bad.yaml"));

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out())
        .contains("5 errors")
        .contains("  rollout: `Bad_Id` is not a valid rollout id")
        .contains("  phases[1].bake: `soon` is not a duration")
        .contains("  phases[1].percent: 20% is below phases[0]")
        .contains("  gates[0].metric: unknown metric `nothing`");
  }

  @Test
  void jsonReportCarriesPathsAndValidity() {
    Run run = run("lint", "-f", plan("bad.yaml"), "-o", "json");

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out())
        .contains("\"valid\" : false")
        .contains("\"path\" : \"phases[1].bake\"")
        .contains("\"path\" : \"gates[0].metric\"");
  }

  @Test
  void unreadableFileIsInvalidInput() {
    Run run = run("lint", "-f", "no-such-plan.yaml");

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("cannot read no-such-plan.yaml");
  }

  @Test
  void missingFileOptionIsAUsageError() {
    assertThat(run("lint").exit()).isEqualTo(ExitCodes.INVALID);
  }
}

package dev.flightplan.cli.commands;

import static dev.flightplan.cli.CliHarness.plan;
import static dev.flightplan.cli.CliHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void aBakeShorterThanItsGatesEvidenceIsAWarningNotAnError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("short-bakes.yaml");
    Files.writeString(
        file, Files.readString(Path.of(plan("checkout.yaml"))).replace("bake: 1h", "bake: 5m"));

    Run run = run("lint", "-f", file.toString());
    Run json = run("lint", "-f", file.toString(), "-o", "json");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("valid: checkout-v2")
        .containsPattern(
            "  warning: phases\\[0\\]\\.bake: phase canary bakes 5m but gate \\S+ reads (\\d+m) of"
                + " evidence at each exposure \\(30s settle \\+ \\1 lookback\\); the phase would"
                + " advance on 4m of data \\(bake at least \\d+m or shorten"
                + " metrics\\.error_rate\\.lookback\\)");
    assertThat(json.exit()).isZero();
    assertThat(json.out()).contains("\"valid\" : true").contains("\"path\" : \"phases[0].bake\"");
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

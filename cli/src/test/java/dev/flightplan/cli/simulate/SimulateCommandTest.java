package dev.flightplan.cli.simulate;

import static dev.flightplan.cli.CliHarness.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLAN = resource("plans/new-search-algorithm.yaml");
  private static final String FAULT = resource("traces/search-fault.csv");
  private static final String HEALTHY = resource("traces/healthy.csv");

  @TempDir Path dir;

  @Test
  void printsTheTimelineAndTheSummaryAsATable() {
    Run run = CliHarness.run("simulate", "-f", PLAN, "--metrics", FAULT);

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .startsWith("TIME")
        .contains("DECISION", "PHASE", "PERCENT", "GATE", "REASON");
    assertThat(run.out())
        .contains("2025-03-03T10:31:00Z  PAUSE ")
        .contains("2025-03-03T10:44:00Z  ROLLBACK ")
        .contains("observed error_rate.candidate=0.08 p=5.223E-38")
        .contains("outcome    ROLLED_BACK at 2025-03-03T10:44:00Z")
        .contains(
            "why        error_rate-rollback: error_rate 8% > 5% over the last 12m, p<0.0001, for 10m");
  }

  @Test
  void printsOneJsonObjectPerLineWithTheSummaryLast() throws IOException {
    List<JsonNode> lines =
        json(CliHarness.run("simulate", "-f", PLAN, "--metrics", HEALTHY, "-o", "json"));

    for (JsonNode line : lines.subList(0, lines.size() - 1)) {
      assertThat(line.fieldNames())
          .toIterable()
          .contains("time", "decision", "phase", "percent", "gate", "values", "reason");
    }
    assertThat(lines).extracting(l -> l.path("decision").asText()).contains("COMPLETE");
    JsonNode summary = lines.get(lines.size() - 1);
    assertThat(summary.get("outcome").asText()).isEqualTo("COMPLETED");
    // all begins at 12:01; its first minute of evidence (12:02–12:03) completes it.
    assertThat(summary.get("outcomeTime").asText()).isEqualTo("2025-03-03T12:03:00Z");
    assertThat(summary.get("percent").asDouble()).isEqualTo(100.0);
    assertThat(summary.get("metricMismatches")).isEmpty();
  }

  @Test
  void aMisnamedNumeratorHoldsOnMissingDataAndTheMetricsNoteNamesBothNames() throws IOException {
    Run run = CliHarness.run("simulate", "-f", misnamedPlan(), "--metrics", misnamedTrace());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            """
            metrics    trace metric 5xx_errors is not used by the plan
                       plan metric error_rate reads 5xxErrors, which the trace never has

            TIME""")
        .contains(
            "error_rate: no data (numerator 5xxErrors has no datapoints in either variant while"
                + " Invocations has ")
        .contains("outcome    RUNNING")
        .doesNotContain("COMPLETE", "ADVANCE");
  }

  @Test
  void theJsonSummaryListsTheMetricMismatches() throws IOException {
    List<JsonNode> lines =
        json(
            CliHarness.run(
                "simulate", "-f", misnamedPlan(), "--metrics", misnamedTrace(), "-o", "json"));

    JsonNode summary = lines.get(lines.size() - 1);
    assertThat(summary.get("outcome").asText()).isEqualTo("RUNNING");
    assertThat(summary.get("reason").asText()).contains("error_rate: no data (numerator 5xxErrors");
    assertThat(summary.get("metricMismatches"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "trace metric 5xx_errors is not used by the plan",
            "plan metric error_rate reads 5xxErrors, which the trace never has");
  }

  /** The example plan with its error numerator named 5xxErrors. */
  private String misnamedPlan() throws IOException {
    String plan =
        Files.readString(Path.of(PLAN)).replace("numerator: Errors", "numerator: 5xxErrors");
    return Files.writeString(dir.resolve("plan.yaml"), plan).toString();
  }

  /** The healthy trace with its errors under 5xx_errors. */
  private String misnamedTrace() throws IOException {
    String trace = Files.readString(Path.of(HEALTHY)).replace(",Errors,", ",5xx_errors,");
    return Files.writeString(dir.resolve("trace.csv"), trace).toString();
  }

  @Test
  void withoutAutoApprovalItEndsWaitingForApproval() throws IOException {
    List<JsonNode> lines =
        json(
            CliHarness.run(
                "simulate", "-f", PLAN, "--metrics", HEALTHY, "--no-auto-approve", "-o", "json"));

    JsonNode summary = lines.get(lines.size() - 1);
    assertThat(summary.get("outcome").asText()).isEqualTo("RUNNING");
    assertThat(summary.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(summary.get("reason").asText()).contains("waiting for approval of beta");
  }

  @Test
  void startsAtTheGivenTime() throws IOException {
    List<JsonNode> lines =
        json(
            CliHarness.run(
                "simulate",
                "-f",
                PLAN,
                "--metrics",
                HEALTHY,
                "--start",
                "2025-03-03T10:00:00Z",
                "-o",
                "json"));

    assertThat(lines.get(0).get("decision").asText()).isEqualTo("START");
    assertThat(lines.get(0).get("time").asText()).isEqualTo("2025-03-03T10:00:00Z");
  }

  @Test
  void anInvalidPlanExitsWithTwoAndNamesTheFieldPath() throws IOException {
    Path plan =
        Files.writeString(
            dir.resolve("plan.yaml"), "rollout: demo\nphases: [{name: a, percent: 150}]\n");

    Run run = CliHarness.run("simulate", "-f", plan.toString(), "--metrics", HEALTHY);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("invalid plan ").contains("phases[0].percent");
  }

  @Test
  void anInvalidTraceExitsWithTwoAndNamesTheLine() throws IOException {
    Path trace =
        Files.writeString(
            dir.resolve("trace.csv"),
            "timestamp,metric,variant,value,samples\n2025-03-03T09:00:00Z,Errors,canary,1,\n");

    Run run = CliHarness.run("simulate", "-f", PLAN, "--metrics", trace.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("invalid trace ")
        .contains("line 2, column 3: variant `canary` is unknown");
  }

  @Test
  void aStartAfterTheTraceIsAnInvalidOption() {
    Run run =
        CliHarness.run(
            "simulate", "-f", PLAN, "--metrics", FAULT, "--start", "2025-03-04T00:00:00Z");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--start 2025-03-04T00:00:00Z is not before the trace ends");
  }

  @Test
  void aMissingOptionOrBadValueIsAUsageErrorWithTwo() {
    assertThat(CliHarness.run("simulate", "-f", PLAN).exit()).isEqualTo(2);
    assertThat(CliHarness.run("simulate", "-f", PLAN, "--metrics", FAULT, "-o", "xml").exit())
        .isEqualTo(2);
  }

  @Test
  void aFileThatCannotBeReadExitsWithOne() {
    Run run =
        CliHarness.run("simulate", "-f", dir.resolve("absent.yaml").toString(), "--metrics", FAULT);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("cannot read ").contains("absent.yaml");
  }

  @Test
  void theHelpDocumentsTheExitCodes() {
    Run run = CliHarness.run("simulate", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("Exit codes:")
        .contains("0   the simulation ran, whatever its outcome")
        .contains("2   an invalid plan, trace or option");
  }

  private static List<JsonNode> json(Run run) throws IOException {
    assertThat(run.exit()).as(run.err()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}

package dev.flightplan.cli.commands;

import static dev.flightplan.cli.CliHarness.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifecycle commands, checklist and evaluate against the API over 127.0.0.1. */
class ActionCommandsTest {
  private final CliHarness cli = new CliHarness();

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void startIsRefusedWhileChecklistItemsAreOpen() {
    cli.api("create", "-f", plan("checkout.yaml"));

    Run run = cli.api("start", "checkout-v2");

    assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("checklist items open: monitoring, on-call");
  }

  @Test
  void checklistMarksItemsDoneAndRefusesUnknownOnes() {
    cli.api("create", "-f", plan("checkout.yaml"));

    Run done = cli.api("checklist", "checkout-v2", "monitoring");
    Run unknown = cli.api("checklist", "checkout-v2", "coffee");

    assertThat(done.out()).isEqualTo("checkout-v2: checklist done: monitoring; open: on-call\n");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(unknown.err()).contains("no item 'coffee'");
  }

  @Test
  void pauseResumeAndPromotePrintTheNewState() {
    cli.started();

    assertThat(cli.api("pause", "checkout-v2", "--reason", "checking dashboards").out())
        .isEqualTo("checkout-v2: PAUSED, phase 1 of 3, exposure 5%\n");
    assertThat(cli.api("resume", "checkout-v2").out()).contains("RUNNING, phase 1 of 3");
    assertThat(cli.api("promote", "checkout-v2").out())
        .contains("RUNNING, phase 2 of 3, exposure 50%");
    assertThat(cli.api("history", "checkout-v2").out()).contains("checking dashboards");
  }

  @Test
  void actionJsonIsTheRolloutDocument() {
    cli.started();

    Run run = cli.api("pause", "checkout-v2", "-o", "json");

    assertThat(run.out()).contains("\"status\" : \"PAUSED\"");
  }

  @Test
  void illegalActionExitsFourWithTheReason() {
    cli.started();

    Run run = cli.api("approve", "checkout-v2");

    assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("approve refused: the rollout is RUNNING");
  }

  @Test
  void destructiveActionsAreRefusedWithoutYesWhenStdinIsNoTerminal() {
    cli.started();

    Run rollback = cli.api("rollback", "checkout-v2");
    Run abort = cli.api("abort", "checkout-v2");

    assertThat(rollback.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(rollback.err()).contains("stdin is not a terminal; add --yes");
    assertThat(abort.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.api("get", "checkout-v2").out()).contains("Status     RUNNING");
  }

  @Test
  void rollbackWithYesTakesExposureAway() {
    cli.started();

    Run run = cli.api("rollback", "checkout-v2", "--yes", "--reason", "errors in checkout");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("checkout-v2: ROLLED_BACK, phase - of 3, exposure 0%\n");
  }

  @Test
  void evaluateShowsWhatOneUnitSees() {
    cli.started();

    Run table = cli.api("evaluate", "checkout-v2", "--unit", "user-42", "--attr", "plan=pro");
    Run json = cli.api("evaluate", "checkout-v2", "--unit", "user-42", "-o", "json");

    assertThat(table.exit()).isZero();
    assertThat(table.out().lines().findFirst())
        .hasValue("FLAG         UNIT     ENABLED  VARIANT   REASON          BUCKET");
    assertThat(table.out()).contains("checkout-v2  user-42");
    assertThat(json.out()).contains("\"bucket\" :").contains("\"variant\" :");
  }

  @Test
  void unreachableEndpointNamesItAndSaysHowToSetIt() {
    Run run = CliHarness.run("list", "--endpoint", "http://127.0.0.1:1");

    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .contains("could not reach the Flightplan API at http://127.0.0.1:1")
        .contains("--endpoint URL or the FLIGHTPLAN_ENDPOINT");
  }

  @Test
  void completionPrintsTheBashScript() {
    Run run = CliHarness.run("completion");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("complete -F").contains("rollback");
  }
}

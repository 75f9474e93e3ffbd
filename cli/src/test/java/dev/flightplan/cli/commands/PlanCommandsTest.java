package dev.flightplan.cli.commands;

import static dev.flightplan.cli.CliHarness.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** create, apply, list, get and history against the API over 127.0.0.1. */
class PlanCommandsTest {
  private final CliHarness cli = new CliHarness();

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void createPrintsTheNewRolloutAndRefusesAnExistingId() {
    Run created = cli.api("create", "-f", plan("checkout.yaml"));
    Run again = cli.api("create", "-f", plan("checkout.yaml"));

    assertThat(created.exit()).isZero();
    assertThat(created.out()).isEqualTo("rollout checkout-v2 created: DRAFT, revision 1\n");
    assertThat(again.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(again.err()).startsWith("error: ").contains("(409)").contains("checkout-v2");
  }

  @Test
  void applyCreatesThenUpdatesWithIfMatchFromAFreshRead() {
    Run first = cli.api("apply", "-f", plan("checkout.yaml"));
    Run second = cli.api("apply", "-f", plan("checkout-v2.yaml"), "-o", "json");

    assertThat(first.out()).isEqualTo("rollout checkout-v2 created: DRAFT, revision 1\n");
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("\"revision\" : 2").contains("\"bake\" : \"3h\"");
    assertThat(cli.api("history", "checkout-v2").out()).contains("local:test");
  }

  @Test
  void invalidPlanIsRefusedBeforeAnyCallWithItsFieldPaths() {
    Run run = cli.api("apply", "-f", plan("bad.yaml"));

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("phases[1].bake").contains("gates[0].metric");
    assertThat(cli.api("list").out().lines()).hasSize(1);
  }

  @Test
  void listShowsATableOrJsonAndFiltersByStatus() {
    cli.api("create", "-f", plan("checkout.yaml"));

    Run table = cli.api("list");
    Run json = cli.api("list", "-o", "json");
    Run running = cli.api("list", "--status", "running");

    // Not started: the ETA is as if started now (10:00): 1h, 2h, then the tick after.
    String eta =
        EtaText.when(
            Instant.parse("2026-03-02T13:01:00Z"),
            Instant.parse("2026-03-02T10:00:00Z"),
            ZoneId.systemDefault());
    assertThat(table.out().lines())
        .containsExactly(
            "ID           STATUS  PHASE   EXPOSURE  REVISION  UPDATED               ETA",
            "checkout-v2  DRAFT   - of 3  0%        1         2026-03-02T10:00:00Z  " + eta);
    assertThat(eta).endsWith("(in 3h 1m)");
    assertThat(json.out()).contains("\"id\" : \"checkout-v2\"").contains("\"items\"");
    assertThat(running.out().lines()).hasSize(1);
  }

  @Test
  void getShowsPhaseExposureBakeLeftGatesAndDecision() {
    cli.started();
    cli.clock.advance(java.time.Duration.ofMinutes(15));

    Run run = cli.api("get", "checkout-v2");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("Status     RUNNING")
        .contains("Phase      1 of 3  canary")
        .contains("Exposure   5%")
        .contains("Progress   [###.....................................]  bake 45m 0s left")
        .contains("Gates      error_rate-rollback  error_rate > 5%  rollback  last: -")
        .contains("Decision   START  started at canary (5%) by local:test")
        .contains("Checklist  done: monitoring, on-call  open: -")
        .doesNotContain("\033[");
    // Started at 10:00: canary bakes 1h, half 2h, all completes on the tick after.
    Instant now = Instant.parse("2026-03-02T10:15:00Z");
    ZoneId zone = ZoneId.systemDefault();
    assertThat(run.out())
        .contains(
            "Next step  advance to half (50%)  "
                + EtaText.when(Instant.parse("2026-03-02T11:00:00Z"), now, zone))
        .contains("ETA        " + EtaText.when(Instant.parse("2026-03-02T13:01:00Z"), now, zone))
        .doesNotContain("(due)");
  }

  @Test
  void getJsonIsTheApiDocument() {
    cli.started();

    Run run = cli.api("get", "checkout-v2", "-o", "json");

    assertThat(run.out()).contains("\"phaseName\" : \"canary\"").contains("\"plan\" : {");
  }

  @Test
  void getWatchStopsWhenTheRolloutHasEnded() {
    cli.started();
    cli.api("abort", "checkout-v2", "--yes");

    Run run = cli.api("get", "checkout-v2", "-w", "--interval", "1s");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Status     ABORTED");
  }

  @Test
  void unknownRolloutExitsThree() {
    Run run = cli.api("get", "nope");

    assertThat(run.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).startsWith("error: ").contains("(404)");
  }

  @Test
  void historyListsActionsOldestFirst() {
    cli.started();

    Run run = cli.api("history", "checkout-v2");

    assertThat(run.out().lines().skip(1).map(l -> l.split("\\s+")[3]))
        .containsExactly("CREATE", "CHECKLIST", "CHECKLIST", "START");
    assertThat(run.out()).contains("DRAFT->RUNNING");
  }

  @Test
  void historyCountsPhasesFromOneAsGetDoes() {
    cli.started();
    cli.api("promote", "checkout-v2");

    Run run = cli.api("history", "checkout-v2");

    // SEQ AT ACTOR ACTION STATUS PHASE …: create is before any phase, start enters phase 1.
    assertThat(run.out().lines().skip(1).map(l -> l.split("\\s+")[5]))
        .containsExactly("-", "-", "-", "1", "2");
    assertThat(cli.api("get", "checkout-v2").out()).contains("Phase      2 of 3");
  }

  @Test
  void applyOfTheSamePlanChangesNothingAndSaysSo() {
    cli.started();
    String historyBefore = cli.api("history", "checkout-v2").out();

    Run again = cli.api("apply", "-f", plan("checkout.yaml"));

    assertThat(again.exit()).isZero();
    assertThat(again.out())
        .isEqualTo(
            "rollout checkout-v2 unchanged (the plan is the same as revision 1): RUNNING,"
                + " revision 1\n");
    assertThat(cli.api("history", "checkout-v2").out()).isEqualTo(historyBefore);
  }
}

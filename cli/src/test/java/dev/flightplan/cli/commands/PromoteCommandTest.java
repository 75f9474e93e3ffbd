package dev.flightplan.cli.commands;

import static dev.flightplan.cli.CliHarness.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code promote} says which gates it skips, and asks before it overrides a gate's pause. */
class PromoteCommandTest {
  private static final String ID = "checkout-v3";
  private final CliHarness cli = new CliHarness();

  @BeforeEach
  void start() {
    assertThat(cli.api("create", "-f", plan("checkout-gated.yaml")).exit()).isZero();
    assertThat(cli.api("start", ID).exit()).isZero();
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void promoteOfARunningRolloutNamesTheRequireGatesItSkips() {
    Run run = cli.api("promote", ID);

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("skipping gates: conversion-require");
    assertThat(run.out()).contains("RUNNING, phase 2 of 3");
  }

  @Test
  void promoteOverAGatePauseIsRefusedWithoutYesWhenStdinIsNoTerminal() {
    pausedByGate("error_rate-pause");

    Run run = cli.api("promote", ID);

    assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .contains("promote of checkout-v3 over gate error_rate-pause needs confirmation")
        .contains("add --yes");
    assertThat(cli.api("get", ID).out()).contains("Status     PAUSED");
  }

  @Test
  void promoteOverAGatePauseWithYesGoesAheadAndNamesEveryGateSkipped() {
    pausedByGate("error_rate-pause");

    Run run = cli.api("promote", ID, "--yes");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("skipping gates: error_rate-pause, conversion-require");
    assertThat(run.out()).contains("phase 2 of 3");
  }

  @Test
  void promoteOverAPersonsPauseDoesNotAsk() {
    assertThat(cli.api("pause", ID, "--reason", "lunch").exit()).isZero();

    Run run = cli.api("promote", ID);

    assertThat(run.exit()).isZero();
    assertThat(run.err()).doesNotContain("needs confirmation");
  }

  /** Stores the pause the controller records when {@code gate} asks for one. */
  private void pausedByGate(String gate) {
    RolloutStore store = cli.wiring.store();
    Rollout running = store.get(ID).orElseThrow();
    long seq = store.history(ID).getLast().seq() + 1;
    Rollout paused =
        new Rollout(
            running.plan(),
            running.state().toBuilder().status(RolloutStatus.PAUSED).historySeq(seq).build(),
            running.version());
    HistoryEntry entry =
        new HistoryEntry(
            ID,
            seq,
            cli.clock.instant(),
            "controller",
            "pause",
            RolloutStatus.RUNNING,
            RolloutStatus.PAUSED,
            running.state().phase(),
            gate,
            Map.of("candidate", 0.03),
            "error_rate 3% > 1%");
    store.update(paused, List.of(entry));
  }
}

package dev.flightplan.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.progress.Eta;
import dev.flightplan.core.service.DigestPlans;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.Holding;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestWordingTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void aBusyRolloutListsTenChangesAndCountsTheRest() {
    Rollout rollout = running();
    List<HistoryEntry> changes =
        IntStream.rangeClosed(1, 13)
            .mapToObj(
                i ->
                    new HistoryEntry(
                        "r",
                        i,
                        T.plusSeconds(i),
                        "controller",
                        "ADVANCE",
                        RolloutStatus.RUNNING,
                        RolloutStatus.RUNNING,
                        0,
                        null,
                        Map.of(),
                        "step " + i))
            .toList();

    String section = DigestWording.section(new RolloutDigest(rollout, changes, T));

    assertThat(section)
        .contains("Since the last digest: 13 changes", "ADVANCE: step 10\n", "... and 3 more")
        .doesNotContain("step 11");
  }

  @Test
  void aQuietRolloutSaysSoAndAGateStreakShowsSinceWhen() {
    Rollout quiet = running();
    Rollout breaching =
        new Rollout(
            quiet.plan(),
            quiet.state().toBuilder()
                .gates(
                    Map.of(
                        "error_rate-rollback",
                        new dev.flightplan.core.state.GateStreak(T, 3, 0),
                        "error_rate-pause",
                        new dev.flightplan.core.state.GateStreak(null, 0, 2)))
                .build(),
            1);

    assertThat(DigestWording.section(new RolloutDigest(quiet, List.of(), T)))
        .contains("r: RUNNING, phase 1 of 3: canary", "Exposure: 1%", "no changes")
        .contains(
            "  " + Eta.of(quiet.plan(), quiet.state(), T).orElseThrow().line(ZoneOffset.UTC) + "\n")
        .contains("  ETA: ");
    assertThat(DigestWording.section(new RolloutDigest(breaching, List.of(), T)))
        .contains(
            "error_rate-rollback breaching since 2026-11-28T10:00:00Z (3 in a row, rollback gate)",
            "error_rate-pause 2 read errors in a row");
  }

  @Test
  void aRecordedViewGivesTheHoldAndEachGatesLatestVerdict() {
    Rollout quiet = running();
    ControllerView view =
        new ControllerView(
            new Holding(
                HoldKind.BAKING, "baking phase canary: 3h left of 1d", T, null, null, null, null),
            List.of(
                new GateView(
                    "error_rate-rollback",
                    Verdict.PASS,
                    0.004,
                    0.005,
                    900L,
                    9000L,
                    null,
                    null,
                    "error_rate 0.4% <= 5%"),
                new GateView(
                    "error_rate-pause",
                    Verdict.BREACH,
                    0.03,
                    0.005,
                    900L,
                    9000L,
                    null,
                    null,
                    "error_rate 3% > 2%")),
            T);
    Rollout seen =
        new Rollout(
            quiet.plan(),
            quiet.state().toBuilder()
                .view(view)
                .gates(Map.of("error_rate-pause", new GateStreak(T, 2, 0)))
                .build(),
            1);

    assertThat(DigestWording.section(new RolloutDigest(seen, List.of(), T)))
        .contains(
            "Holding: baking phase canary: 3h left of 1d\n",
            "error_rate-rollback PASS (error_rate 0.4% <= 5%)",
            "error_rate-pause BREACH (error_rate 3% > 2%), breaching since 2026-11-28T10:00:00Z");
  }

  private static Rollout running() {
    RolloutState state =
        RolloutState.draft(T).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(T)
            .build();
    return new Rollout(DigestPlans.slow("r", new Notify("default", Notify.Digest.DAILY)), state, 1);
  }
}

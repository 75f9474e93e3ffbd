package dev.flightplan.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The messages of changes after which a rollout goes on say when it will finish. */
class NotificationEtaTest {
  private static final Instant T0 = TestPlans.T0;

  @Test
  void startAdvanceApprovalAndResumeCarryTheEtaOfTheirMoment() {
    ControllerRun run = new ControllerRun(TestPlans.withApprovalAt("eta", 2), T0);
    run.start();
    run.commands.pause("eta", ControllerRun.ACTOR, "a look first");
    run.commands.resume("eta", ControllerRun.ACTOR);
    run.runUntil(T0.plusSeconds(3_600));

    Map<String, String> lines = etaLines(run.notifier.sent());
    assertThat(lines)
        .containsEntry(
            "START",
            "ETA: Mon 2025-03-03 09:22 UTC (next: advance to half (50%) at Mon 2025-03-03 09:10"
                + " UTC)")
        .containsEntry(
            "RESUME",
            "ETA: Mon 2025-03-03 09:22 UTC (next: advance to half (50%) at Mon 2025-03-03 09:10"
                + " UTC)")
        .containsEntry(
            "ADVANCE",
            "ETA: Mon 2025-03-03 09:22 UTC (next: ask for approval of all at Mon 2025-03-03 09:20"
                + " UTC)")
        .containsEntry(
            "AWAITING_APPROVAL",
            "ETA: Mon 2025-03-03 09:22 UTC (next: approve all, then advance to all (100%), waits"
                + " for approval of all)")
        .containsEntry(
            "APPROVED",
            "ETA: Mon 2025-03-03 09:22 UTC (next: advance to all (100%) at Mon 2025-03-03 09:21"
                + " UTC)")
        .doesNotContainKeys("COMPLETE", "PAUSE");
  }

  /** The first ETA line of each event type. */
  private static Map<String, String> etaLines(List<Notification> sent) {
    return sent.stream()
        .filter(n -> n.message().contains("ETA: "))
        .collect(
            Collectors.toMap(
                Notification::eventType,
                n -> n.message().lines().filter(l -> l.startsWith("ETA: ")).findFirst().get(),
                (first, later) -> first));
  }
}

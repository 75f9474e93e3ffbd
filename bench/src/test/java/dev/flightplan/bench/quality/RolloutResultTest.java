package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.SimulationOutcome;
import dev.flightplan.core.simulate.SimulationSummary;
import dev.flightplan.core.simulate.TimelineEntry;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutResultTest {
  private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  void aRollbackAfterTheOnsetDetectedTheRegressionAndSaysHowLongItTook() {
    RolloutResult result =
        RolloutResult.of(run(SimulationOutcome.ROLLED_BACK, "PAUSE@22", "ROLLBACK@25"), START, 21);

    assertThat(result.detected()).isTrue();
    assertThat(result.minutesToRollback()).isEqualTo(4);
    assertThat(result.rollbackGate()).isEqualTo("error_rate-rollback");
    assertThat(result.pauseMinute()).isEqualTo(22);
    assertThat(result.simulatedMinutes()).isEqualTo(25);
  }

  @Test
  void aRollbackAtTheOnsetMinuteSawOnlyHealthyMinutes() {
    RolloutResult result =
        RolloutResult.of(run(SimulationOutcome.ROLLED_BACK, "ROLLBACK@21"), START, 21);

    assertThat(result.rolledBack()).isTrue();
    assertThat(result.detected()).isFalse();
  }

  @Test
  void aHealthyRolloutThatCompletesNeitherRolledBackNorPaused() {
    RolloutResult result =
        RolloutResult.of(
            run(SimulationOutcome.COMPLETED, "COMPLETE@60"), START, RolloutResult.NEVER);

    assertThat(result.completed()).isTrue();
    assertThat(result.rolledBack()).isFalse();
    assertThat(result.paused()).isFalse();
    assertThat(result.detected()).isFalse();
  }

  /** A simulation whose timeline holds "DECISION@minute" entries. */
  static Simulation run(SimulationOutcome outcome, String... decisions) {
    List<TimelineEntry> timeline = new ArrayList<>();
    timeline.add(entry("start", 0));
    Instant last = START;
    for (String decision : decisions) {
      String[] parts = decision.split("@");
      TimelineEntry entry = entry(parts[0], Integer.parseInt(parts[1]));
      timeline.add(entry);
      last = entry.time();
    }
    SimulationSummary summary =
        new SimulationSummary(outcome, last, RolloutStatus.RUNNING, null, 0, "", START, last);
    return new Simulation(timeline, summary);
  }

  private static TimelineEntry entry(String decision, int minute) {
    String gate = decision.equals("ROLLBACK") ? "error_rate-rollback" : null;
    return new TimelineEntry(
        START.plus(Duration.ofMinutes(minute)),
        decision,
        "controller",
        null,
        0,
        gate,
        Map.of(),
        "");
  }
}

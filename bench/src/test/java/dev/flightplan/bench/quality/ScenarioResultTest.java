package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.simulate.SimulationOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioResultTest {
  private static final Scenario SCENARIO =
      Scenario.regressed(new TrafficProfile(100, 0.01), Regression.Kind.ERROR_RATE, 2, 5);

  private final ScenarioResult result =
      new ScenarioResult(
          SCENARIO,
          List.of(
              rolledBack(20, 23),
              rolledBack(20, 24),
              rolledBack(30, 40),
              rolledBack(30, 12),
              new RolloutResult(SimulationOutcome.COMPLETED, 30, -1, null, -1, 60)));

  @Test
  void countsDetectionsFalseRollbacksAndThoseInTime() {
    assertThat(result.rolledBack()).isEqualTo(new Proportion(4, 5));
    assertThat(result.detected()).isEqualTo(new Proportion(3, 5));
    assertThat(result.rolledBackBeforeOnset()).isEqualTo(new Proportion(1, 5));
    assertThat(result.detectedWithin(4)).isEqualTo(new Proportion(2, 5));
    assertThat(result.completed()).isEqualTo(new Proportion(1, 5));
  }

  @Test
  void quantilesOfMinutesToRollbackAreMinutesSomeRolloutTook() {
    assertThat(result.minutesToRollback(0.5, 0.9)).containsExactly(4, 10);
  }

  @Test
  void noDetectionHasNoQuantiles() {
    ScenarioResult none = new ScenarioResult(SCENARIO, List.of(rolledBack(30, 12)));

    assertThat(none.minutesToRollback(0.5)).containsExactly(Double.NaN);
  }

  @Test
  void rollbacksAreCountedByGate() {
    assertThat(result.rollbacksByGate()).isEqualTo(Map.of("error_rate-rollback", 4L));
    assertThat(result.simulatedMinutes()).isEqualTo(23 + 24 + 40 + 12 + 60);
  }

  private static RolloutResult rolledBack(int onset, int at) {
    return new RolloutResult(
        SimulationOutcome.ROLLED_BACK, onset, at, "error_rate-rollback", RolloutResult.NEVER, at);
  }
}

package dev.flightplan.core.decide;

import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.state.GateStreak;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation produced: the decision, each gate's result (for history, CLI and
 * notifications), and the gate streaks to store for the next evaluation.
 */
public record Evaluation(
    Decision decision, List<GateResult> gates, Map<String, GateStreak> streaks) {
  public Evaluation {
    gates = List.copyOf(gates);
    streaks = Map.copyOf(streaks);
  }
}

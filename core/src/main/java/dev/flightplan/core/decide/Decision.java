package dev.flightplan.core.decide;

import java.util.Map;

/**
 * What {@code decide} concluded for one rollout at one moment (docs/design.md §3.2). Callers switch
 * on it exhaustively.
 */
public sealed interface Decision {

  /** Why, in words a person reads in the history and the CLI. */
  String reason();

  /** Move to phase {@code phase} (an index into the plan's phases). */
  record Advance(int phase, String phaseName, String reason) implements Decision {}

  /** Stay where we are; nothing to write but the gate streaks. */
  record Hold(String reason) implements Decision {}

  /** Stop advancing and wait for a person. {@code gate} is the gate name. */
  record Pause(String gate, Map<String, Double> values, String reason) implements Decision {
    public Pause {
      values = Map.copyOf(values);
    }
  }

  /** Take exposure back to zero / stable. {@code cause} is a gate name or {@code alarm:<name>}. */
  record Rollback(String cause, Map<String, Double> values, String reason) implements Decision {
    public Rollback {
      values = Map.copyOf(values);
    }
  }

  /** The next phase needs an approval that has not been given. */
  record AwaitApproval(int phase, String phaseName, String reason) implements Decision {}

  /** The last phase has baked with every gate satisfied. */
  record Complete(String reason) implements Decision {}
}

package dev.flightplan.core.decide;

import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.Holding;
import java.time.Instant;
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

  /**
   * Stay where we are, and why: the rule that holds ({@code kind}, null when the rollout is not
   * active), its subject, and when it ends by itself.
   *
   * @param gate the gate behind a gate kind, else null
   * @param metric the metric behind missing data or a metric error, else null
   * @param until the bake's end or the window's opening, else null
   * @param by who paused, for {@link HoldKind#PAUSED}, when known
   */
  record Hold(String reason, HoldKind kind, String gate, String metric, Instant until, String by)
      implements Decision {

    static Hold of(HoldKind kind, String reason) {
      return new Hold(reason, kind, null, null, null, null);
    }

    /** The hold as the controller's view records it, begun at {@code since}. */
    public Holding holding(Instant since) {
      return kind == null ? null : new Holding(kind, reason, since, until, gate, metric, by);
    }
  }

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

package dev.flightplan.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the controller saw at its last recorded evaluation: why it holds (null when it does not) and
 * every gate's latest result, in plan order.
 *
 * <p>It is written when something a person would want to know changed (a verdict, the kind or
 * subject of the hold) and otherwise at most every {@link #REFRESH}, so quiet ticks write nothing.
 */
public record ControllerView(Holding holding, List<GateView> gates, Instant recordedAt) {
  /** How old the recorded values may grow while nothing changes (docs/design.md §4.6). */
  public static final Duration REFRESH = Duration.ofMinutes(10);

  public ControllerView {
    gates = List.copyOf(gates);
  }

  /**
   * Whether this view, just seen, is worth writing over {@code recorded}: nothing recorded yet, a
   * hold begun or ended or changed in kind or subject, a gate added, removed or with a new verdict,
   * or the recorded values older than {@link #REFRESH}.
   */
  public boolean worthWritingOver(ControllerView recorded) {
    if (recorded == null || recorded.recordedAt() == null) {
      return true;
    }
    boolean sameHold =
        holding == null ? recorded.holding() == null : holding.sameHoldAs(recorded.holding());
    return !sameHold
        || !sameVerdicts(recorded)
        || !recordedAt.isBefore(recorded.recordedAt().plus(REFRESH));
  }

  private boolean sameVerdicts(ControllerView recorded) {
    if (gates.size() != recorded.gates().size()) {
      return false;
    }
    for (int i = 0; i < gates.size(); i++) {
      GateView now = gates.get(i);
      GateView then = recorded.gates().get(i);
      if (!now.gate().equals(then.gate()) || !Objects.equals(now.verdict(), then.verdict())) {
        return false;
      }
    }
    return true;
  }

  /** The recorded result of gate {@code name}, or null. */
  public GateView gate(String name) {
    for (GateView view : gates) {
      if (view.gate().equals(name)) {
        return view;
      }
    }
    return null;
  }
}

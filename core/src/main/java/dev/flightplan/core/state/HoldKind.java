package dev.flightplan.core.state;

/** Why a rollout is not moving now: one per rule of the decider that holds. */
public enum HoldKind {
  NOT_STARTED,
  CHECKLIST_OPEN,
  BAKING,
  WINDOW_CLOSED,
  AWAITING_APPROVAL,
  PAUSED,
  GATE_INCONCLUSIVE,
  GATE_BREACHING,
  GATE_UNMET,
  MISSING_DATA,
  METRIC_ERROR,
  /** The state names a phase the plan does not have (never advances). */
  PHASE_UNKNOWN;

  /** Kinds that follow from the status alone, so a read can state them without a recorded view. */
  public boolean isStanding() {
    return switch (this) {
      case NOT_STARTED, CHECKLIST_OPEN, AWAITING_APPROVAL, PAUSED -> true;
      default -> false;
    };
  }
}

package dev.flightplan.core.state;

/**
 * The lifecycle of a rollout (docs/design.md §3.1). The transition table lives here, and both the
 * API (409) and the controller ask it.
 */
public enum RolloutStatus {
  DRAFT,
  RUNNING,
  PAUSED,
  AWAITING_APPROVAL,
  COMPLETED,
  ROLLED_BACK,
  ABORTED;

  public boolean isTerminal() {
    return this == COMPLETED || this == ROLLED_BACK || this == ABORTED;
  }

  /** Exposure may be non-zero and the controller looks at it on every tick. */
  public boolean isActive() {
    return this == RUNNING || this == PAUSED || this == AWAITING_APPROVAL;
  }

  public boolean canTransitionTo(RolloutStatus next) {
    return switch (this) {
      // A draft has no exposure, but a rollback or abort of it is still a legal way out.
      case DRAFT -> next == RUNNING || next == ROLLED_BACK || next == ABORTED;
      case RUNNING ->
          next == PAUSED
              || next == AWAITING_APPROVAL
              || next == COMPLETED
              || next == ROLLED_BACK
              || next == ABORTED;
      // promote of a paused rollout at its last phase completes it.
      case PAUSED -> next == RUNNING || next == COMPLETED || next == ROLLED_BACK || next == ABORTED;
      case AWAITING_APPROVAL ->
          next == RUNNING || next == PAUSED || next == ROLLED_BACK || next == ABORTED;
      // retry starts a rolled-back rollout again from its first phase once its plan changed.
      case ROLLED_BACK -> next == RUNNING;
      case COMPLETED, ABORTED -> false;
    };
  }
}

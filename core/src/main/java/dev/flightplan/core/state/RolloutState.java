package dev.flightplan.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The progress of a rollout, kept apart from its plan.
 *
 * @param revision the plan revision this state runs (1 on create, +1 per replaced plan)
 * @param phase index into the plan's phases; -1 before start and after a rollback
 * @param phaseStartedAt when the current phase began (bake time counts from here)
 * @param nextEvaluationAt when the controller should look again; null when it need not
 * @param gates streaks per gate name; a gate absent here has a clear streak
 * @param checklistDone checklist items marked done
 * @param approvedPhase the phase index whose approval was granted, or -1
 * @param rolledBackRevision the revision that was rolled back (retry needs a newer one), or 0
 * @param lastDecision a short record of the last decision, for people
 * @param historySeq the seq of the last history entry written
 * @param outbox notifications stored but not yet sent
 * @param actuationPending the desired exposure ({@link #desiredPhase()} of the plan) changed and
 *     the actuator has not yet confirmed it; set in the write that changes it, cleared after
 * @param outboxLease who is sending the outbox right now, or null
 * @param view what the controller saw at its last recorded evaluation; null when nothing is
 *     recorded yet
 */
public record RolloutState(
    RolloutStatus status,
    int revision,
    int phase,
    Instant phaseStartedAt,
    Instant nextEvaluationAt,
    Map<String, GateStreak> gates,
    Set<String> checklistDone,
    int approvedPhase,
    int rolledBackRevision,
    LastDecision lastDecision,
    long historySeq,
    List<Notification> outbox,
    Instant createdAt,
    Instant updatedAt,
    boolean actuationPending,
    Lease outboxLease,
    ControllerView view) {

  public RolloutState {
    gates = Map.copyOf(gates);
    checklistDone = Set.copyOf(checklistDone);
    outbox = List.copyOf(outbox);
  }

  /**
   * The phase whose exposure the target should have: the current one while exposure is live or
   * complete, -1 (nothing) before start and after a rollback or abort.
   */
  public int desiredPhase() {
    return switch (status) {
      case RUNNING, PAUSED, AWAITING_APPROVAL, COMPLETED -> phase;
      case DRAFT, ROLLED_BACK, ABORTED -> -1;
    };
  }

  /** Exposure to apply or notifications to send: the controller must come back for it. */
  public boolean hasPendingWork() {
    return actuationPending || !outbox.isEmpty();
  }

  public RolloutStateBuilder toBuilder() {
    return new RolloutStateBuilder(this);
  }

  /** A new rollout in {@code DRAFT}. */
  public static RolloutState draft(Instant now) {
    return new RolloutStateBuilder().createdAt(now).updatedAt(now).build();
  }

  /**
   * The kind of the last decision or action ({@link HistoryActions}' spelling), when, why, and who
   * (null when stored before the actor was).
   */
  public record LastDecision(String kind, Instant at, String reason, String actor) {
    public LastDecision {
      kind = HistoryActions.canonical(kind);
    }

    public LastDecision(String kind, Instant at, String reason) {
      this(kind, at, reason, null);
    }
  }
}

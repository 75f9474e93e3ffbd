package dev.flightplan.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable twin of {@link RolloutState}: one field and one setter per record component, same
 * names, same order (a test holds it to that). It copies a state with a few fields changed (the
 * record has too many for withers) and is what the store reads a stored state into.
 */
public final class RolloutStateBuilder {
  // The defaults of a new draft; a stored item written before a field existed reads as these.
  private RolloutStatus status = RolloutStatus.DRAFT;
  private int revision = 1;
  private int phase = -1;
  private Instant phaseStartedAt;
  private Instant nextEvaluationAt;
  private Map<String, GateStreak> gates = Map.of();
  private Set<String> checklistDone = Set.of();
  private int approvedPhase = -1;
  private int rolledBackRevision;
  private RolloutState.LastDecision lastDecision;
  private long historySeq;
  private List<Notification> outbox = List.of();
  private Instant createdAt;
  private Instant updatedAt;
  private boolean actuationPending;
  private Lease outboxLease;
  private ControllerView view;

  /** A new draft with no times set. */
  public RolloutStateBuilder() {}

  RolloutStateBuilder(RolloutState s) {
    status = s.status();
    revision = s.revision();
    phase = s.phase();
    phaseStartedAt = s.phaseStartedAt();
    nextEvaluationAt = s.nextEvaluationAt();
    gates = s.gates();
    checklistDone = s.checklistDone();
    approvedPhase = s.approvedPhase();
    rolledBackRevision = s.rolledBackRevision();
    lastDecision = s.lastDecision();
    historySeq = s.historySeq();
    outbox = s.outbox();
    createdAt = s.createdAt();
    updatedAt = s.updatedAt();
    actuationPending = s.actuationPending();
    outboxLease = s.outboxLease();
    view = s.view();
  }

  public RolloutStateBuilder status(RolloutStatus value) {
    status = value;
    return this;
  }

  public RolloutStateBuilder revision(int value) {
    revision = value;
    return this;
  }

  public RolloutStateBuilder phase(int value) {
    phase = value;
    return this;
  }

  public RolloutStateBuilder phaseStartedAt(Instant value) {
    phaseStartedAt = value;
    return this;
  }

  public RolloutStateBuilder nextEvaluationAt(Instant value) {
    nextEvaluationAt = value;
    return this;
  }

  public RolloutStateBuilder gates(Map<String, GateStreak> value) {
    gates = value;
    return this;
  }

  public RolloutStateBuilder checklistDone(Set<String> value) {
    checklistDone = value;
    return this;
  }

  public RolloutStateBuilder approvedPhase(int value) {
    approvedPhase = value;
    return this;
  }

  public RolloutStateBuilder rolledBackRevision(int value) {
    rolledBackRevision = value;
    return this;
  }

  public RolloutStateBuilder lastDecision(RolloutState.LastDecision value) {
    lastDecision = value;
    return this;
  }

  public RolloutStateBuilder historySeq(long value) {
    historySeq = value;
    return this;
  }

  public RolloutStateBuilder outbox(List<Notification> value) {
    outbox = value;
    return this;
  }

  public RolloutStateBuilder createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public RolloutStateBuilder updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  public RolloutStateBuilder actuationPending(boolean value) {
    actuationPending = value;
    return this;
  }

  public RolloutStateBuilder outboxLease(Lease value) {
    outboxLease = value;
    return this;
  }

  public RolloutStateBuilder view(ControllerView value) {
    view = value;
    return this;
  }

  public RolloutState build() {
    return new RolloutState(
        status,
        revision,
        phase,
        phaseStartedAt,
        nextEvaluationAt,
        gates,
        checklistDone,
        approvedPhase,
        rolledBackRevision,
        lastDecision,
        historySeq,
        outbox,
        createdAt,
        updatedAt,
        actuationPending,
        outboxLease,
        view);
  }
}

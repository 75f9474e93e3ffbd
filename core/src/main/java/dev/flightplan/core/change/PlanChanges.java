package dev.flightplan.core.change;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.HistoryActions;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Creating a rollout and replacing its plan. Pure: the caller writes the result. */
public final class PlanChanges {
  private PlanChanges() {}

  /** A new rollout in DRAFT with its first history entry. */
  public static Change create(Plan plan, String actor, Instant now) {
    RolloutState draft =
        RolloutState.draft(now).toBuilder()
            .historySeq(1)
            .lastDecision(
                new RolloutState.LastDecision(
                    HistoryActions.CREATE, now, "created by " + actor, actor))
            .build();
    HistoryEntry line =
        new HistoryEntry(
            plan.id(),
            1,
            now,
            actor,
            HistoryActions.CREATE,
            null,
            RolloutStatus.DRAFT,
            -1,
            null,
            Map.of(),
            "created by " + actor + " at revision 1");
    return new Change(new Rollout(plan, draft, 0), java.util.List.of(line), "create");
  }

  /**
   * The rollout with {@code plan} as its next revision. A running rollout keeps its phase when the
   * new plan still has a phase of that name; otherwise it stays at the same step (or the new last
   * one) and bakes from now.
   *
   * @throws CommandRefusedException when the rollout is finished, the plan is for another rollout,
   *     or the target would move while exposure is live
   */
  public static Change replace(Rollout rollout, Plan plan, String actor, Instant now) {
    RolloutState state = rollout.state();
    refuseIf(
        state.status() == RolloutStatus.COMPLETED || state.status() == RolloutStatus.ABORTED,
        "replace refused: the rollout is "
            + state.status()
            + "; a finished rollout keeps its plan");
    refuseIf(
        !plan.id().equals(rollout.id()),
        "replace refused: the plan is for rollout " + plan.id() + ", not " + rollout.id());
    refuseIf(
        state.status().isActive() && !plan.target().equals(rollout.plan().target()),
        "replace refused: the target cannot change while exposure is live; roll back or abort first");
    var edit =
        state.toBuilder()
            .revision(state.revision() + 1)
            .checklistDone(kept(state.checklistDone(), plan))
            .gates(keptStreaks(state.gates(), plan));
    if (state.phase() >= 0) {
      int phase = samePhase(rollout, plan);
      edit.phase(phase);
      if (phase != state.phase()
          || !plan.phases()
              .get(phase)
              .name()
              .equals(rollout.plan().phases().get(state.phase()).name())) {
        edit.phaseStartedAt(now).approvedPhase(-1);
      }
    }
    String reason =
        ChangeWording.byActor("plan replaced", actor, null)
            + ": revision "
            + (state.revision() + 1);
    ChangeRecord entry =
        state.status() == RolloutStatus.DRAFT
            ? ChangeRecord.quiet(actor, HistoryActions.PLAN_CHANGED, reason)
            : ChangeRecord.announced(
                actor, HistoryActions.PLAN_CHANGED, reason, NotificationEvents.PLAN_CHANGED);
    return ChangeRecorder.record(rollout, plan, edit, entry, now);
  }

  private static int samePhase(Rollout rollout, Plan plan) {
    String name = rollout.plan().phases().get(rollout.state().phase()).name();
    for (int i = 0; i < plan.phases().size(); i++) {
      if (plan.phases().get(i).name().equals(name)) {
        return i;
      }
    }
    return Math.min(rollout.state().phase(), plan.lastPhase());
  }

  private static Set<String> kept(Set<String> done, Plan plan) {
    Set<String> kept = new HashSet<>(done);
    kept.retainAll(plan.checklist());
    return kept;
  }

  private static Map<String, GateStreak> keptStreaks(Map<String, GateStreak> streaks, Plan plan) {
    Map<String, GateStreak> kept = new HashMap<>(streaks);
    kept.keySet().removeIf(name -> plan.gate(name).isEmpty());
    return kept;
  }

  private static void refuseIf(boolean refused, String reason) {
    if (refused) {
      throw new CommandRefusedException(reason);
    }
  }
}

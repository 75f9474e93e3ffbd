package dev.flightplan.core.change;

import dev.flightplan.core.decide.Decider;
import dev.flightplan.core.decide.Decision.Hold;
import dev.flightplan.core.decide.Evaluation;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.Holding;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;

/** The controller's view of a rollout: recorded by its decisions, and read back for people. */
public final class ControllerViews {
  private ControllerViews() {}

  /** What {@code evaluation} saw, holding on {@code hold} (null when it acted). */
  static ControllerView seen(RolloutState before, Evaluation evaluation, Hold hold, Instant now) {
    Holding recorded = before.view() == null ? null : before.view().holding();
    Holding holding = hold == null ? null : hold.holding(now);
    return new ControllerView(
        holding == null ? null : holding.continuing(recorded, now),
        evaluation.gates().stream().map(GateView::of).toList(),
        now);
  }

  /**
   * {@code change} carrying the view of the evaluation behind it: a decision that writes records
   * what it saw for free. The hold it leaves, if any, follows from the new status alone.
   */
  static Change withView(Change change, Evaluation evaluation, Instant now) {
    Rollout rollout = change.rollout();
    RolloutState next = rollout.state();
    Hold hold = Decider.standing(rollout.plan(), next).orElse(null);
    ControllerView view = seen(next, evaluation, hold, now);
    RolloutState withView = next.toBuilder().view(view).build();
    return new Change(
        new Rollout(rollout.plan(), withView, rollout.version()), change.history(), change.event());
  }

  /**
   * Why the rollout holds now, for a read: nothing once finished; for a draft, a pause or an
   * approval asked, what the status says (even with nothing recorded); while running, the hold the
   * controller last recorded, if any.
   */
  public static Holding holdingNow(Plan plan, RolloutState state) {
    if (state.status().isTerminal()) {
      return null;
    }
    Hold standing = Decider.standing(plan, state).orElse(null);
    if (standing != null) {
      // The state says exactly when: created, or the last decision (the pause, the approval asked).
      boolean draft = state.status() == RolloutStatus.DRAFT || state.lastDecision() == null;
      return standing.holding(draft ? state.createdAt() : state.lastDecision().at());
    }
    Holding recorded = state.view() == null ? null : state.view().holding();
    return recorded == null || recorded.kind().isStanding() ? null : recorded;
  }
}

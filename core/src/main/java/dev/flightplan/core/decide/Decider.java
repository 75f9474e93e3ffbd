package dev.flightplan.core.decide;

import dev.flightplan.core.decide.Decision.AwaitApproval;
import dev.flightplan.core.decide.Decision.Hold;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision rules of docs/design.md §3.2, as a pure function: no clock, no I/O. The rules are
 * early returns in the order they win.
 */
public final class Decider {
  private Decider() {}

  public static Decision decide(
      Plan plan, RolloutState state, Observations observations, Instant now) {
    return evaluate(plan, state, observations, now).decision();
  }

  public static Evaluation evaluate(
      Plan plan, RolloutState state, Observations observations, Instant now) {
    if (!state.status().isActive()) {
      return new Evaluation(inactive(plan, state), List.of(), state.gates());
    }
    GateRound gates = GateRound.judge(plan, state, observations, now);
    return new Evaluation(rules(plan, state, gates, now), gates.results(), gates.streaks());
  }

  private static Decision rules(Plan plan, RolloutState state, GateRound gates, Instant now) {
    // 1. A sustained rollback breach wins in every active status; nothing holds it back.
    int i = gates.firstSustained(GateAction.ROLLBACK);
    if (i >= 0) {
      return new Decision.Rollback(
          gates.gate(i).name(), gates.result(i).values(), breach(gates, i));
    }
    // 2. A paused rollout waits for a person; only a rollback gets past that.
    if (state.status() == RolloutStatus.PAUSED) {
      return Holds.paused(state);
    }
    // 3. A sustained pause breach, or a metric that keeps failing, stops and asks a person.
    i = gates.firstSustained(GateAction.PAUSE);
    if (i >= 0) {
      return new Decision.Pause(gates.gate(i).name(), gates.result(i).values(), breach(gates, i));
    }
    i = gates.firstOverErrorLimit();
    if (i >= 0) {
      return new Decision.Pause(gates.gate(i).name(), Map.of(), unreadable(gates, i));
    }
    // 4. Awaiting approval: only a rollback or a pause acts; the rest waits for the approval.
    if (state.status() == RolloutStatus.AWAITING_APPROVAL) {
      return Holds.awaitingApproval(plan, state);
    }
    // 5. The current phase has not baked long enough (an unknown phase never advances).
    Phase phase = phaseOf(plan, state);
    if (phase == null) {
      return Holds.unknownPhase(state);
    }
    Duration left = bakeLeft(phase, state, now);
    if (!left.isZero()) {
      return Holds.baking(phase, state, left);
    }
    // 6. Outside the window nothing moves forward.
    if (!plan.window().isOpen(now)) {
      return Holds.windowClosed(plan, now);
    }
    // 7. Every gate must pass: no data never advances, nor does a breach still inside its `for`.
    i = gates.firstNotPassing();
    if (i >= 0) {
      return Holds.waitingOn(gates, i);
    }
    return forward(plan, state, phase);
  }

  /** A draft waits to be started; a finished rollout holds for nothing ({@code kind} null). */
  private static Hold inactive(Plan plan, RolloutState state) {
    return state.status() == RolloutStatus.DRAFT
        ? Holds.notStarted(plan, state)
        : new Hold("not active: " + state.status(), null, null, null, null, null);
  }

  /**
   * The hold that follows from the status alone, as rules 2 and 4 and a draft state it: what a read
   * can say without metrics. Empty while running (the gates and the clock decide) and when
   * finished.
   */
  public static Optional<Hold> standing(Plan plan, RolloutState state) {
    return switch (state.status()) {
      case DRAFT -> Optional.of(Holds.notStarted(plan, state));
      case PAUSED -> Optional.of(Holds.paused(state));
      case AWAITING_APPROVAL -> Optional.of(Holds.awaitingApproval(plan, state));
      case RUNNING, COMPLETED, ROLLED_BACK, ABORTED -> Optional.empty();
    };
  }

  private static Decision forward(Plan plan, RolloutState state, Phase phase) {
    // 8. The next phase needs an approval that has not been given.
    int next = state.phase() + 1;
    if (next <= plan.lastPhase() && needsApproval(plan.phases().get(next), next, state)) {
      String name = plan.phases().get(next).name();
      return new AwaitApproval(next, name, "phase " + name + " needs approval");
    }
    // 9. Done at the last phase; otherwise one step along the plan.
    if (next > plan.lastPhase()) {
      return new Decision.Complete("phase " + phase.name() + " baked and every gate passes");
    }
    String name = plan.phases().get(next).name();
    return new Decision.Advance(next, name, phase.name() + " baked and every gate passes");
  }

  private static Phase phaseOf(Plan plan, RolloutState state) {
    int at = state.phase();
    return at >= 0 && at <= plan.lastPhase() ? plan.phases().get(at) : null;
  }

  /** Bake time still to go; a phase with no recorded start has all of it ahead. */
  private static Duration bakeLeft(Phase phase, RolloutState state, Instant now) {
    if (state.phaseStartedAt() == null) {
      return phase.bake();
    }
    Duration left = Duration.between(now, state.phaseStartedAt().plus(phase.bake()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static boolean needsApproval(Phase next, int index, RolloutState state) {
    return next.approval() && state.approvedPhase() != index;
  }

  private static String breach(GateRound gates, int i) {
    String since =
        gates.gate(i).sustain().isZero() ? "" : ", for " + Wording.duration(gates.breachingFor(i));
    return gates.gate(i).name() + ": " + gates.result(i).message() + since;
  }

  private static String unreadable(GateRound gates, int i) {
    return "metric "
        + gates.gate(i).metric()
        + " could not be read "
        + gates.streak(i).consecutiveErrors()
        + " times in a row: "
        + gates.failure(i);
  }
}

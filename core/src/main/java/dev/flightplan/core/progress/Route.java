package dev.flightplan.core.progress;

import dev.flightplan.core.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The controller's way from the current phase to completion, tick by tick, as the decider takes it
 * when every gate passes and each approval is given as soon as it is asked for: a phase moves on at
 * the first tick at which its bake is over and the window is open; an approval is asked at that
 * tick and the advance follows at the next open tick.
 *
 * @param steps in order; the last one has no time when the window never opens again
 */
record Route(List<Step> steps) {
  enum Kind {
    ADVANCE,
    ASK_APPROVAL,
    COMPLETE
  }

  /**
   * @param ready when the step could happen but for the window (a tick)
   * @param at when it happens; null when the window never opens again
   */
  record Step(Kind kind, int phase, Instant ready, Instant at) {}

  Route {
    steps = List.copyOf(steps);
  }

  /**
   * From phase {@code phase}, baking since {@code phaseStartedAt}, with the approval of {@code
   * approvedPhase} given; nothing happens before {@code firstTick}.
   */
  static Route from(
      Plan plan, int phase, Instant phaseStartedAt, int approvedPhase, Instant firstTick) {
    List<Step> steps = new ArrayList<>();
    int at = phase;
    int approved = approvedPhase;
    Instant started = phaseStartedAt;
    Instant earliest = firstTick;
    while (true) {
      Instant baked = ControllerTicks.atOrAfter(started.plus(plan.phases().get(at).bake()));
      Instant ready = baked.isAfter(earliest) ? baked : earliest;
      Optional<Instant> tick = ControllerTicks.firstOpen(plan.window(), ready);
      int next = at + 1;
      Kind kind = kindOf(plan, next, approved);
      steps.add(new Step(kind, kind == Kind.COMPLETE ? at : next, ready, tick.orElse(null)));
      if (tick.isEmpty() || kind == Kind.COMPLETE) {
        return new Route(steps);
      }
      if (kind == Kind.ASK_APPROVAL) {
        approved = next;
      } else {
        at = next;
        started = tick.get();
      }
      earliest = tick.get().plus(ControllerTicks.INTERVAL);
    }
  }

  private static Kind kindOf(Plan plan, int next, int approved) {
    if (next > plan.lastPhase()) {
      return Kind.COMPLETE;
    }
    return plan.phases().get(next).approval() && approved != next
        ? Kind.ASK_APPROVAL
        : Kind.ADVANCE;
  }

  Step first() {
    return steps.get(0);
  }

  /** When the last step completes the rollout; null when the window stops it before. */
  Instant completesAt() {
    Step last = steps.get(steps.size() - 1);
    return last.kind() == Kind.COMPLETE ? last.at() : null;
  }
}

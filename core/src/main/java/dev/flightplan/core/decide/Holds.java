package dev.flightplan.core.decide;

import dev.flightplan.core.decide.Decision.Hold;
import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The holds of the decider's rules, with their kind and subject beside the words. */
final class Holds {
  private Holds() {}

  /** A draft waits for its checklist, then for someone to start it. */
  static Hold notStarted(Plan plan, RolloutState state) {
    List<String> open =
        plan.checklist().stream().filter(i -> !state.checklistDone().contains(i)).toList();
    return open.isEmpty()
        ? Hold.of(HoldKind.NOT_STARTED, "not started: waiting for someone to start it")
        : Hold.of(HoldKind.CHECKLIST_OPEN, "checklist open: " + String.join(", ", open));
  }

  /** Paused, by whom and why when the last decision was the pause. */
  static Hold paused(RolloutState state) {
    RolloutState.LastDecision last = state.lastDecision();
    boolean known = last != null && "PAUSE".equals(last.kind());
    String why = known && last.reason() != null ? last.reason() : "";
    String reason =
        why.isEmpty()
            ? "paused: waiting for someone to resume"
            : (why.startsWith("paused") ? why : "paused: " + why)
                + "; waiting for someone to resume";
    return new Hold(reason, HoldKind.PAUSED, null, null, null, known ? last.actor() : null);
  }

  static Hold awaitingApproval(Plan plan, RolloutState state) {
    int next = state.phase() + 1;
    String name = next <= plan.lastPhase() ? plan.phases().get(next).name() : "the next phase";
    return Hold.of(HoldKind.AWAITING_APPROVAL, "awaiting approval of " + name);
  }

  static Hold unknownPhase(RolloutState state) {
    return Hold.of(HoldKind.PHASE_UNKNOWN, "phase " + state.phase() + " is not in the plan");
  }

  static Hold baking(Phase phase, RolloutState state, Duration left) {
    String reason =
        "baking phase "
            + phase.name()
            + ": "
            + Wording.duration(left)
            + " left of "
            + Wording.duration(phase.bake());
    Instant started = state.phaseStartedAt();
    Instant until = started == null ? null : started.plus(phase.bake());
    return new Hold(reason, HoldKind.BAKING, null, null, until, null);
  }

  static Hold windowClosed(Plan plan, Instant now) {
    Instant opens = plan.window().nextOpening(now).orElse(null);
    return new Hold(
        Wording.closedWindow(plan.window(), now), HoldKind.WINDOW_CLOSED, null, null, opens, null);
  }

  /** The first gate that did not pass, and how many more did not. */
  static Hold waitingOn(GateRound gates, int i) {
    GateResult result = gates.result(i);
    String reason = "waiting on " + gates.gate(i).name() + ": " + result.message();
    if (result.verdict() == Verdict.BREACH && gates.gate(i).action() != GateAction.REQUIRE) {
      reason +=
          ", breaching for "
              + Wording.duration(gates.breachingFor(i))
              + " of "
              + Wording.duration(gates.gate(i).sustain());
    }
    int others = gates.notPassing() - 1;
    reason = others > 0 ? reason + " (and " + others + " more)" : reason;
    HoldKind kind = kindOf(result);
    boolean aboutMetric = kind == HoldKind.MISSING_DATA || kind == HoldKind.METRIC_ERROR;
    return new Hold(
        reason,
        kind,
        gates.gate(i).name(),
        aboutMetric ? gates.gate(i).metric() : null,
        null,
        null);
  }

  private static HoldKind kindOf(GateResult result) {
    if (result.verdict() == Verdict.ERROR) {
      return HoldKind.METRIC_ERROR;
    }
    if (result.noData()) {
      return HoldKind.MISSING_DATA;
    }
    if (result.verdict() == Verdict.BREACH) {
      return result.gate().action() == GateAction.REQUIRE
          ? HoldKind.GATE_UNMET
          : HoldKind.GATE_BREACHING;
    }
    return HoldKind.GATE_INCONCLUSIVE;
  }
}

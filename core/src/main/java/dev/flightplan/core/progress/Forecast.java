package dev.flightplan.core.progress;

import dev.flightplan.core.decide.Wording;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.progress.Route.Step;
import dev.flightplan.core.state.RolloutState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link Eta} of each status. A rollout that waits for a person (not started, paused,
 * awaiting approval) has no next-step time; its completion is the earliest one, if that person
 * acted now.
 */
final class Forecast {
  private static final String GATES_PASS =
      "every gate keeps passing and approvals are given when asked";

  private Forecast() {}

  static Optional<Eta> of(Plan plan, RolloutState state, Instant now) {
    Instant firstTick = ControllerTicks.after(now);
    int next = state.phase() + 1;
    Optional<Eta> eta =
        switch (state.status()) {
          case COMPLETED, ROLLED_BACK, ABORTED -> Optional.empty();
          case DRAFT -> Optional.of(draft(plan, state, now, firstTick));
          case RUNNING ->
              route(plan, state, state.approvedPhase(), firstTick).map(r -> running(plan, r));
          case PAUSED ->
              route(plan, state, state.approvedPhase(), firstTick).map(r -> resumed(plan, r));
          case AWAITING_APPROVAL ->
              route(plan, state, next, firstTick).map(r -> approved(plan, next, r));
        };
    return state.status().isActive() ? eta.or(() -> unknown(state)) : eta;
  }

  private static Eta running(Plan plan, Route route) {
    return eta(plan, route, route.first(), words(plan, route.first()), List.of(), GATES_PASS);
  }

  /** Paused: as if resumed now. */
  private static Eta resumed(Plan plan, Route route) {
    String next = "resume, then " + words(plan, route.first());
    List<String> person = List.of("someone to resume it");
    return eta(plan, route, null, next, person, "it is resumed now, " + GATES_PASS);
  }

  /** Awaiting the approval of {@code phase}: as if given now. */
  private static Eta approved(Plan plan, int phase, Route route) {
    String next = "approve " + name(plan, phase) + ", then " + words(plan, route.first());
    List<String> person = List.of("approval of " + name(plan, phase));
    return eta(plan, route, null, next, person, "it is approved now, " + GATES_PASS);
  }

  /** Not started: as if started now; a start exposes the first phase at once. */
  private static Eta draft(Plan plan, RolloutState state, Instant now, Instant firstTick) {
    Route route = Route.from(plan, 0, now, -1, firstTick);
    List<String> person = new ArrayList<>(List.of("someone to start it"));
    List<String> open =
        plan.checklist().stream().filter(i -> !state.checklistDone().contains(i)).toList();
    if (!open.isEmpty()) {
      person.add("the checklist: " + String.join(", ", open));
    }
    return eta(
        plan,
        route,
        null,
        "start at " + Wording.phase(plan, 0),
        person,
        "it is started now, " + GATES_PASS);
  }

  /** The route on from the state's phase; empty when the state gives nowhere to start from. */
  private static Optional<Route> route(
      Plan plan, RolloutState state, int approvedPhase, Instant firstTick) {
    int phase = state.phase();
    if (phase < 0 || phase > plan.lastPhase() || state.phaseStartedAt() == null) {
      return Optional.empty();
    }
    return Optional.of(Route.from(plan, phase, state.phaseStartedAt(), approvedPhase, firstTick));
  }

  /**
   * @param timed the step whose time is the next-step time, or null when a person goes first
   * @param person what a person must do first
   */
  private static Eta eta(
      Plan plan, Route route, Step timed, String nextStep, List<String> person, String assumes) {
    List<String> waitsFor = new ArrayList<>(person);
    Step first = route.first();
    if (first.at() == null || first.at().isAfter(first.ready())) {
      // The tick it moves on at is when the window opens, as the controller finds it.
      waitsFor.add("the window: " + Wording.opens(plan.window(), Optional.ofNullable(first.at())));
    }
    route.steps().stream()
        .filter(s -> s.kind() == Route.Kind.ASK_APPROVAL)
        .forEach(s -> waitsFor.add("approval of " + name(plan, s.phase())));
    Instant at = timed == null ? null : timed.at();
    return new Eta(nextStep, at, route.completesAt(), waitsFor, assumes);
  }

  private static Optional<Eta> unknown(RolloutState state) {
    String why =
        state.phaseStartedAt() == null
            ? "unknown: the phase has no start time"
            : "unknown: phase " + state.phase() + " is not in the plan";
    return Optional.of(new Eta(why, null, null, List.of(), GATES_PASS));
  }

  private static String words(Plan plan, Step step) {
    return switch (step.kind()) {
      case ADVANCE -> "advance to " + Wording.phase(plan, step.phase());
      case ASK_APPROVAL -> "ask for approval of " + name(plan, step.phase());
      case COMPLETE -> "complete";
    };
  }

  private static String name(Plan plan, int phase) {
    return phase <= plan.lastPhase() ? plan.phases().get(phase).name() : "the next phase";
  }
}

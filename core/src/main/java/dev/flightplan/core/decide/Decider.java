package dev.flightplan.core.decide;

import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.RolloutState;
import java.time.Instant;

/** The decision rules of DESIGN §3, as a pure function. */
public final class Decider {
  private Decider() {}

  public static Decision decide(
      Plan plan, RolloutState state, Observations observations, Instant now) {
    return evaluate(plan, state, observations, now).decision();
  }

  public static Evaluation evaluate(
      Plan plan, RolloutState state, Observations observations, Instant now) {
    throw new UnsupportedOperationException("decide rules: in progress");
  }
}

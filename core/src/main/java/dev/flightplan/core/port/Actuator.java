package dev.flightplan.core.port;

import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Exposure;

/**
 * Applies exposure to a target (flag exposure, Lambda alias weights) and verifies it took effect.
 * Exposure {@link Exposure#NONE} means "everything back to stable".
 */
public interface Actuator {
  void apply(String rolloutId, Target target, Exposure exposure) throws ActuationException;
}

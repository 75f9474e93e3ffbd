package dev.flightplan.infra.aws;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.evaluation.Exposure;
import java.util.Objects;

/**
 * The one actuator the use cases get: it hands each target to the actuator of its kind, flag
 * exposure or Lambda alias routing. A new target type fails to compile here until it is routed.
 */
public final class TargetActuator implements Actuator {
  private final Actuator flags;
  private final Actuator lambdaAliases;

  public TargetActuator(Actuator flags, Actuator lambdaAliases) {
    this.flags = Objects.requireNonNull(flags, "flags");
    this.lambdaAliases = Objects.requireNonNull(lambdaAliases, "lambdaAliases");
  }

  @Override
  public void apply(String rolloutId, Target target, Exposure exposure) {
    if (target == null) {
      throw new ActuationException(rolloutId + ": the plan has no target", null);
    }
    Actuator actuator =
        switch (target) {
          case Target.Flag flag -> flags;
          case Target.LambdaAlias alias -> lambdaAliases;
        };
    actuator.apply(rolloutId, target, exposure);
  }
}

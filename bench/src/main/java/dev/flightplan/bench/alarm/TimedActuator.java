package dev.flightplan.bench.alarm;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.evaluation.Exposure;

/**
 * The real actuator, marking when an apply of {@link Exposure#NONE} returned: the flag item (or
 * alias) was written and read back at zero, since the adapters verify what they set.
 */
final class TimedActuator implements Actuator {
  private final Actuator actuator;
  private final DeliveryTimes times;

  TimedActuator(Actuator actuator, DeliveryTimes times) {
    this.actuator = actuator;
    this.times = times;
  }

  @Override
  public void apply(String rolloutId, Target target, Exposure exposure) {
    actuator.apply(rolloutId, target, exposure);
    if (exposure.isNone()) {
      times.atZero(rolloutId);
    }
  }
}

package dev.flightplan.core.port.memory;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.ActuatorContract;
import dev.flightplan.evaluation.Exposure;

class InMemoryActuatorTest extends ActuatorContract {
  private final InMemoryActuator actuator = new InMemoryActuator();

  @Override
  protected Actuator actuator() {
    return actuator;
  }

  @Override
  protected Target target() {
    return new Target.Flag("contract-flag");
  }

  @Override
  protected Exposure current() {
    return actuator.exposure(ROLLOUT_ID);
  }

  @Override
  protected boolean supportsAudiences() {
    return true;
  }

  @Override
  protected void breakIt() {
    actuator.failNext(Integer.MAX_VALUE);
  }
}

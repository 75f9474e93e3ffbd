package dev.flightplan.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.evaluation.Exposure;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetActuatorTest {
  private final InMemoryActuator flags = new InMemoryActuator();
  private final InMemoryActuator aliases = new InMemoryActuator();
  private final TargetActuator actuator = new TargetActuator(flags, aliases);
  private final Exposure five = new Exposure(500, Set.of());

  @Test
  void aFlagGoesToTheFlagActuator() {
    actuator.apply("r1", new Target.Flag("new-search"), five);

    assertThat(flags.applied())
        .containsExactly(new InMemoryActuator.Applied("r1", new Target.Flag("new-search"), five));
    assertThat(aliases.applied()).isEmpty();
  }

  @Test
  void aLambdaAliasGoesToTheAliasActuator() {
    Target alias = new Target.LambdaAlias("search-api", "live", "41", "42");
    actuator.apply("r2", alias, Exposure.NONE);

    assertThat(aliases.applied())
        .containsExactly(new InMemoryActuator.Applied("r2", alias, Exposure.NONE));
    assertThat(flags.applied()).isEmpty();
  }

  @Test
  void failuresOfTheChosenActuatorPassThrough() {
    aliases.failNext(1);
    Target alias = new Target.LambdaAlias("search-api", "live", "41", "42");

    assertThatThrownBy(() -> actuator.apply("r3", alias, five))
        .isInstanceOf(ActuationException.class);
  }

  @Test
  void noTargetIsAnActuationException() {
    assertThatThrownBy(() -> actuator.apply("r4", null, five))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("r4: the plan has no target");
  }
}

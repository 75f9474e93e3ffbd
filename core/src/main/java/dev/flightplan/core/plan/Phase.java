package dev.flightplan.core.plan;

import java.time.Duration;
import java.util.List;

/**
 * One step of exposure. {@code basisPoints} is the percent times 100 (5% = 500); a phase with
 * audiences only has 0. {@code audiences} are the ones this phase lists; {@link
 * Plan#exposureAt(int)} adds those of earlier phases.
 */
public record Phase(
    String name, int basisPoints, List<String> audiences, Duration bake, boolean approval) {

  public Phase {
    audiences = List.copyOf(audiences);
  }
}

package dev.flightplan.core.port.memory;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.evaluation.Exposure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Holds the current exposure per rollout; can be told to fail the next applies. */
public class InMemoryActuator implements Actuator {
  private final Map<String, Exposure> current = new HashMap<>();
  private final List<Applied> applied = new ArrayList<>();
  private int failuresLeft;

  /** One successful apply, in order. */
  public record Applied(String rolloutId, Target target, Exposure exposure) {}

  /** The next {@code count} applies fail. */
  public synchronized void failNext(int count) {
    failuresLeft = count;
  }

  /** The exposure last applied to this rollout's target; {@link Exposure#NONE} if none was. */
  public synchronized Exposure exposure(String rolloutId) {
    return current.getOrDefault(rolloutId, Exposure.NONE);
  }

  public synchronized List<Applied> applied() {
    return List.copyOf(applied);
  }

  @Override
  public synchronized void apply(String rolloutId, Target target, Exposure exposure) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new ActuationException("actuator told to fail for " + rolloutId, null);
    }
    current.put(rolloutId, exposure);
    applied.add(new Applied(rolloutId, target, exposure));
  }
}

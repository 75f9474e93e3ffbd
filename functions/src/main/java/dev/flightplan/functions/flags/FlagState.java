package dev.flightplan.functions.flags;

import dev.flightplan.core.plan.Audience;
import dev.flightplan.core.plan.Exposure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What evaluating a flag needs: its salt, its current exposure, and the audience definitions of the
 * plan that drives it (in plan order, which decides which audience a unit is reported under).
 *
 * @param rolloutId the rollout that sets this flag's exposure
 */
public record FlagState(
    String flagKey,
    String salt,
    Exposure exposure,
    Map<String, Audience> audiences,
    String rolloutId) {

  public FlagState {
    Objects.requireNonNull(flagKey, "flagKey");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(exposure, "exposure");
    audiences = Collections.unmodifiableMap(new LinkedHashMap<>(audiences));
  }
}

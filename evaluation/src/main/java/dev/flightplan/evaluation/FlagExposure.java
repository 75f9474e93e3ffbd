package dev.flightplan.evaluation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What evaluating a flag needs (docs/design.md §6): its salt, its current exposure and the
 * definitions of its audiences, in plan order, so the first matching audience is the same one
 * {@link FlagEvaluator} would name.
 *
 * @param salt the rollout id: a retry of the same rollout keeps its units exposed, while a new
 *     rollout of the same flag draws a fresh set of units rather than the ones that saw the last
 * @param rolloutId the rollout that sets this flag's exposure
 * @param audiences definitions of at least the exposed audiences; others never match
 * @param updatedAt when this exposure was written
 */
public record FlagExposure(
    String flagKey,
    String salt,
    String rolloutId,
    Exposure exposure,
    Map<String, Audience> audiences,
    Instant updatedAt) {

  public FlagExposure {
    Objects.requireNonNull(flagKey, "flagKey");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(exposure, "exposure");
    audiences = Collections.unmodifiableMap(new LinkedHashMap<>(audiences));
  }

  /** What {@code unit} with its context {@code attributes} sees of this flag. */
  public FlagEvaluation evaluate(String unit, Map<String, String> attributes) {
    return FlagEvaluator.of(flagKey, salt).evaluate(exposure, audiences, unit, attributes);
  }
}

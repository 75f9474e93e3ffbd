package dev.flightplan.client;

import dev.flightplan.evaluation.FlagEvaluation.Variant;

/**
 * What {@link FlagClient#evaluate} answers for one unit.
 *
 * @param enabled true exactly when {@code variant} is the candidate
 * @param variant {@code candidate} or {@code baseline} ({@link Variant#wireName()})
 * @param reason why; {@code UNKNOWN_FLAG} and {@code ERROR} come with the baseline, the caller's
 *     default
 * @param audience the matching audience when the unit is exposed by one, else null
 * @param bucket the unit's bucket in 0..9999, or -1 when the flag could not be evaluated
 * @param metadata the flag item's rollout id, basis points, exposed audiences and write time
 */
public record FlagResult(
    boolean enabled,
    Variant variant,
    EvaluationReason reason,
    String audience,
    int bucket,
    FlagMetadata metadata) {
  static final FlagResult UNKNOWN_FLAG = fallback(EvaluationReason.UNKNOWN_FLAG);
  static final FlagResult ERROR = fallback(EvaluationReason.ERROR);

  private static FlagResult fallback(EvaluationReason reason) {
    return new FlagResult(false, Variant.BASELINE, reason, null, -1, FlagMetadata.NONE);
  }
}

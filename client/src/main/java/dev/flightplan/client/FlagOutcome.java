package dev.flightplan.client;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.FlagEvaluation.Reason;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import dev.flightplan.evaluation.FlagEvaluator;
import java.util.List;
import java.util.Map;

/**
 * What {@link FlagClient#outcome} answers: a {@link FlagResult} without the unit's bucket, so each
 * flag of a snapshot can build all of its outcomes once — one per reason and matching audience,
 * fresh and stale — and an evaluation only picks one. Outcomes compare by identity: the same
 * instance comes back for as long as the flag's entry in the snapshot stays, which lets a caller
 * keep what it derives from one (an OpenFeature provider, its answer objects).
 */
public final class FlagOutcome {
  static final FlagOutcome UNKNOWN_FLAG = fallback(EvaluationReason.UNKNOWN_FLAG);
  static final FlagOutcome ERROR = fallback(EvaluationReason.ERROR);

  private final boolean enabled;
  private final EvaluationReason reason;
  private final String audience;
  private final FlagMetadata metadata;

  private FlagOutcome(
      boolean enabled, EvaluationReason reason, String audience, FlagMetadata metadata) {
    this.enabled = enabled;
    this.reason = reason;
    this.audience = audience;
    this.metadata = metadata;
  }

  /**
   * Every outcome of one flag, indexed by {@link FlagEvaluator#outcome} code; with {@code stale}
   * each keeps its variant and audience but says {@code STALE}.
   */
  static FlagOutcome[] allOf(
      List<Map.Entry<String, Audience>> exposedAudiences, FlagMetadata metadata, boolean stale) {
    FlagOutcome[] outcomes =
        new FlagOutcome[FlagEvaluator.FIRST_AUDIENCE + exposedAudiences.size()];
    for (int code = 0; code < outcomes.length; code++) {
      Reason reason = FlagEvaluator.reasonOf(code);
      String audience =
          reason == Reason.AUDIENCE
              ? exposedAudiences.get(code - FlagEvaluator.FIRST_AUDIENCE).getKey()
              : null;
      outcomes[code] =
          new FlagOutcome(
              code >= FlagEvaluator.PERCENTAGE,
              stale ? EvaluationReason.STALE : EvaluationReason.of(reason),
              audience,
              metadata);
    }
    return outcomes;
  }

  private static FlagOutcome fallback(EvaluationReason reason) {
    return new FlagOutcome(false, reason, null, FlagMetadata.NONE);
  }

  /** True exactly when {@link #variant} is the candidate. */
  public boolean enabled() {
    return enabled;
  }

  /** {@code candidate} or {@code baseline} ({@link Variant#wireName()}). */
  public Variant variant() {
    return enabled ? Variant.CANDIDATE : Variant.BASELINE;
  }

  /** Why; {@code UNKNOWN_FLAG} and {@code ERROR} come with the baseline, the caller's default. */
  public EvaluationReason reason() {
    return reason;
  }

  /** The matching audience when the unit is exposed by one (stale or not), else null. */
  public String audience() {
    return audience;
  }

  /** The flag item's rollout id, basis points, exposed audiences and write time. */
  public FlagMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "FlagOutcome[" + variant().wireName() + ", " + reason + ", audience=" + audience + "]";
  }
}

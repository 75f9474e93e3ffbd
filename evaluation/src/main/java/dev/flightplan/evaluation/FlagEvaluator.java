package dev.flightplan.evaluation;

import dev.flightplan.evaluation.FlagEvaluation.Reason;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.util.Map;

/**
 * Decides what one unit sees of a flag (docs/design.md §6). The endpoint, the Java client and the
 * OpenFeature provider all call this, so they agree bit for bit. Immutable and thread-safe; build
 * one per flag and salt and reuse it, as it keeps the flag's {@link Bucketer}.
 */
public final class FlagEvaluator {
  private final Bucketer bucketer;

  private FlagEvaluator(Bucketer bucketer) {
    this.bucketer = bucketer;
  }

  public static FlagEvaluator of(String flagKey, String salt) {
    return new FlagEvaluator(Bucketer.of(flagKey, salt));
  }

  /** One-off evaluation; prefer a reused {@link #of(String, String)} on hot paths. */
  public static FlagEvaluation evaluate(
      String flagKey,
      String salt,
      Exposure exposure,
      Map<String, Audience> audiences,
      String unit,
      Map<String, String> attributes) {
    return of(flagKey, salt).evaluate(exposure, audiences, unit, attributes);
  }

  /**
   * Evaluates {@code unit} with its context {@code attributes} against the flag's current {@code
   * exposure}; {@code audiences} are the plan's definitions, in plan order. An exposed audience
   * that has no definition matches nobody.
   */
  public FlagEvaluation evaluate(
      Exposure exposure,
      Map<String, Audience> audiences,
      String unit,
      Map<String, String> attributes) {
    int bucket = bucketer.bucket(unit);
    // Nothing is exposed: the flag is off for everyone.
    if (exposure.isNone()) {
      return new FlagEvaluation(false, Variant.BASELINE, Reason.OFF, null, bucket);
    }
    // Rings come first, so a ring member stays exposed whatever the percentage.
    String audience = firstMatch(exposure, audiences, attributes);
    if (audience != null) {
      return new FlagEvaluation(true, Variant.CANDIDATE, Reason.AUDIENCE, audience, bucket);
    }
    // Inside the percentage: sticky, and kept as the percentage grows.
    if (Bucketer.exposed(bucket, exposure.basisPoints())) {
      return new FlagEvaluation(true, Variant.CANDIDATE, Reason.PERCENTAGE, null, bucket);
    }
    return new FlagEvaluation(false, Variant.BASELINE, Reason.OUT_OF_ROLLOUT, null, bucket);
  }

  /**
   * Whether {@code unit} sees the candidate: the same rules as {@link #evaluate}, answering only
   * {@code enabled}. It allocates nothing once the calling thread has bucketed a unit before, so an
   * in-process client can call it on every request.
   */
  public boolean isEnabled(
      Exposure exposure,
      Map<String, Audience> audiences,
      String unit,
      Map<String, String> attributes) {
    if (exposure.isNone()) {
      return false;
    }
    if (firstMatch(exposure, audiences, attributes) != null) {
      return true;
    }
    return Bucketer.exposed(bucketer.bucket(unit), exposure.basisPoints());
  }

  /** The first audience, in plan order, that the exposure includes and the unit matches. */
  private static String firstMatch(
      Exposure exposure, Map<String, Audience> audiences, Map<String, String> attributes) {
    if (exposure.audiences().isEmpty()) {
      return null;
    }
    for (Map.Entry<String, Audience> entry : audiences.entrySet()) {
      if (exposure.audiences().contains(entry.getKey())
          && AudienceMatcher.matches(entry.getValue(), attributes)) {
        return entry.getKey();
      }
    }
    return null;
  }
}

package dev.flightplan.evaluation;

import dev.flightplan.evaluation.FlagEvaluation.Reason;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides what one unit sees of a flag (docs/design.md §6). The endpoint, the Java client and the
 * OpenFeature provider all call this, so they agree bit for bit. Immutable and thread-safe; build
 * one per flag and salt and reuse it, as it keeps the flag's {@link Bucketer}.
 */
public final class FlagEvaluator {
  /** {@link #outcome}: nothing is exposed. */
  public static final int OFF = 0;

  /** {@link #outcome}: the flag exposes something, but not to this unit. */
  public static final int OUT_OF_ROLLOUT = 1;

  /** {@link #outcome}: the unit's bucket is below the rollout's basis points. */
  public static final int PERCENTAGE = 2;

  /** {@link #outcome}: {@code FIRST_AUDIENCE + i} names the i-th of the exposed audiences. */
  public static final int FIRST_AUDIENCE = 3;

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

  /**
   * The audiences of {@code audiences} that {@code exposure} includes, in plan order: what {@link
   * #outcome} matches, listed once per exposure so that matching walks a list, not a map.
   */
  public static List<Map.Entry<String, Audience>> exposedAudiences(
      Exposure exposure, Map<String, Audience> audiences) {
    List<Map.Entry<String, Audience>> exposed = new ArrayList<>();
    audiences.forEach(
        (name, audience) -> {
          if (exposure.audiences().contains(name)) {
            exposed.add(Map.entry(name, audience));
          }
        });
    return List.copyOf(exposed);
  }

  /**
   * {@link #evaluate}'s answer but the bucket, packed in one int: {@link #OFF}, {@link
   * #OUT_OF_ROLLOUT}, {@link #PERCENTAGE}, or {@code FIRST_AUDIENCE + i} when the unit matches the
   * i-th of {@code exposedAudiences} ({@link #exposedAudiences} of the same exposure) first. Like
   * {@link #isEnabled} it allocates nothing once the calling thread has bucketed a unit before, so
   * a client can answer with outcomes it built once per code.
   */
  public int outcome(
      Exposure exposure,
      List<Map.Entry<String, Audience>> exposedAudiences,
      String unit,
      Map<String, String> attributes) {
    if (exposure.isNone()) {
      return OFF;
    }
    for (int i = 0; i < exposedAudiences.size(); i++) {
      if (AudienceMatcher.matches(exposedAudiences.get(i).getValue(), attributes)) {
        return FIRST_AUDIENCE + i;
      }
    }
    return Bucketer.exposed(bucketer.bucket(unit), exposure.basisPoints())
        ? PERCENTAGE
        : OUT_OF_ROLLOUT;
  }

  /** The reason an {@link #outcome} code stands for. */
  public static Reason reasonOf(int outcome) {
    return switch (outcome) {
      case OFF -> Reason.OFF;
      case OUT_OF_ROLLOUT -> Reason.OUT_OF_ROLLOUT;
      case PERCENTAGE -> Reason.PERCENTAGE;
      default -> Reason.AUDIENCE;
    };
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

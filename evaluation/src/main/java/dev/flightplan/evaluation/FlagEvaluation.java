package dev.flightplan.evaluation;

import java.util.Objects;

/**
 * What one unit sees of a flag: the body of {@code GET /flags/{key}/evaluate} (docs/design.md §5)
 * and the answer of the Java client and the OpenFeature provider. {@code audience} names the
 * matching audience when {@code reason} is {@link Reason#AUDIENCE}, and is null otherwise. {@code
 * bucket} is always the unit's bucket, even when the flag is off, so a caller can see where it
 * would land.
 */
public record FlagEvaluation(
    boolean enabled, Variant variant, Reason reason, String audience, int bucket) {

  public FlagEvaluation {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reason, "reason");
    if ((reason == Reason.AUDIENCE) != (audience != null)) {
      throw new IllegalArgumentException("audience is set exactly when the reason is AUDIENCE");
    }
    if (enabled != (variant == Variant.CANDIDATE)) {
      throw new IllegalArgumentException("enabled units see the candidate, others the baseline");
    }
  }

  /** Which side of the rollout the unit is on; {@code wireName} is what the API returns. */
  public enum Variant {
    CANDIDATE("candidate"),
    BASELINE("baseline");

    private final String wireName;

    Variant(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** Why the unit got its variant. */
  public enum Reason {
    /** The unit matches an audience of the current ring. */
    AUDIENCE,
    /** The unit's bucket is below the rollout's basis points. */
    PERCENTAGE,
    /** The flag exposes something, but not to this unit. */
    OUT_OF_ROLLOUT,
    /** The flag exposes nothing ({@code Exposure.NONE}). */
    OFF
  }
}

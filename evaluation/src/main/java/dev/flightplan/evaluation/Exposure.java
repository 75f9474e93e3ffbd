package dev.flightplan.evaluation;

import java.util.Set;

/**
 * What a target exposes: a share of all units in basis points (0..10000) and the audiences that see
 * the change whatever their bucket.
 */
public record Exposure(int basisPoints, Set<String> audiences) {
  public static final Exposure NONE = new Exposure(0, Set.of());
  public static final int ALL = 10_000;

  public Exposure {
    if (basisPoints < 0 || basisPoints > ALL) {
      throw new IllegalArgumentException("basisPoints must be within 0..10000: " + basisPoints);
    }
    audiences = Set.copyOf(audiences);
  }

  public boolean isNone() {
    return basisPoints == 0 && audiences.isEmpty();
  }
}

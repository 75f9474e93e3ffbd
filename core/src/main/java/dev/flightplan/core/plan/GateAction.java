package dev.flightplan.core.plan;

/** What a gate does: see docs/design.md §2.5. */
public enum GateAction {
  /** Must hold to advance; otherwise the rollout holds. */
  REQUIRE,
  /** A breach stops advancing and waits for a person. */
  PAUSE,
  /** A sustained breach takes exposure back to zero / stable. */
  ROLLBACK;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

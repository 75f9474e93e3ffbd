package dev.flightplan.core.plan;

/** How careful a rollout must be; fills phases and a window when the plan omits them. */
public enum Risk {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

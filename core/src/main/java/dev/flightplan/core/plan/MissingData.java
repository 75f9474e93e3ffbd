package dev.flightplan.core.plan;

/** What a gate makes of a metric with no data: hold (default) or count it as a breach. */
public enum MissingData {
  HOLD,
  BREACH;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

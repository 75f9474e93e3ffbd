package dev.flightplan.core.plan;

/**
 * What a ratio metric makes of a numerator with no datapoints at all in the window while its
 * denominator counted requests: missing data (default: the name or dimensions are likely wrong), or
 * zero (the source publishes no zero counts).
 */
public enum NumeratorAbsent {
  MISSING,
  ZERO;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

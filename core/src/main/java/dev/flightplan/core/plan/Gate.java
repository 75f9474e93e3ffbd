package dev.flightplan.core.plan;

import java.time.Duration;

/**
 * A condition on a metric and what to do when it breaches (docs/design.md §2).
 *
 * @param name unique within the plan; the reader derives {@code <metric>-<action>} (with a suffix
 *     when needed) when the plan gives none
 * @param sustain how long a breach must persist before it counts ({@code for}); {@link
 *     Duration#ZERO} means one evaluation
 * @param minSamples below this many requests in the evidence window the gate is inconclusive
 * @param errorLimit consecutive read errors after which the rollout pauses
 * @param confidence of the anytime-valid tests behind relative gates and absolute rollback or pause
 *     gates on ratios, e.g. 0.95 (docs/design.md §2.5)
 */
public record Gate(
    String name,
    String metric,
    Comparison op,
    Threshold threshold,
    Duration sustain,
    GateAction action,
    long minSamples,
    MissingData missingData,
    int errorLimit,
    double confidence) {

  public static final long DEFAULT_MIN_SAMPLES = 100;
  public static final int DEFAULT_ERROR_LIMIT = 4;
  public static final double DEFAULT_CONFIDENCE = 0.95;

  public boolean isRelative() {
    return threshold instanceof Threshold.Relative;
  }
}

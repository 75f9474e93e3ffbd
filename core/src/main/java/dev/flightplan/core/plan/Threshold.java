package dev.flightplan.core.plan;

/**
 * The bound a gate compares against. Absolute values are in the metric's internal unit (ratios as
 * fractions: {@code 5%} is 0.05). Relative thresholds compare the candidate with the baseline.
 */
public sealed interface Threshold {

  /** {@code threshold: 5%} or {@code threshold: 0.85}. */
  record Absolute(double value) implements Threshold {}

  /**
   * {@code relative: 2x} (candidate vs 2 × baseline), {@code +0.5pp} (baseline + 0.005, for ratios)
   * or {@code +20} (baseline + 20, in the metric's unit).
   */
  record Relative(Kind kind, double amount) implements Threshold {

    /** The value the candidate is compared with, given the baseline. */
    public double bound(double baseline) {
      return switch (kind) {
        case TIMES -> baseline * amount;
        case PLUS_POINTS, PLUS -> baseline + amount;
      };
    }

    public enum Kind {
      TIMES,
      PLUS_POINTS,
      PLUS
    }
  }
}

package dev.flightplan.core.plan;

import java.math.BigDecimal;

/**
 * Bounds on numbers, checked from a {@link BigDecimal}'s precision and scale alone, so a number
 * like {@code 1e999999999} is refused before anything expands it into its digits.
 */
final class PlanNumbers {
  /**
   * Any number in a plan: fewer than this many digits before the point, at most this many after.
   */
  static final int DIGITS = 21;

  private PlanNumbers() {}

  /** Why {@code value} is no number a plan takes, or null. */
  static String problem(BigDecimal value) {
    if (integerDigits(value) > DIGITS - 1 || decimals(value) > DIGITS) {
      return show(value)
          + " is out of range: numbers in a plan have at most "
          + (DIGITS - 1)
          + " digits before the point and "
          + DIGITS
          + " after it";
    }
    return null;
  }

  /**
   * Why {@code value} is no threshold of at most {@link PlanLimits#THRESHOLD_DIGITS} significant
   * digits, below 10^15, with at most {@code decimals} decimals; or null.
   */
  static String thresholdProblem(BigDecimal value, int decimals) {
    int digits = PlanLimits.THRESHOLD_DIGITS;
    if (integerDigits(value) > digits) {
      return show(value) + " is out of range: below 10^" + digits + " in magnitude";
    }
    if (decimals(value) > decimals) {
      return show(value) + " has more than " + decimals + " decimals";
    }
    if (value.stripTrailingZeros().precision() > digits) {
      return show(value) + " has more than " + digits + " significant digits";
    }
    return null;
  }

  /** Digits after the point, trailing zeros aside; negative for multiples of ten. */
  static long decimals(BigDecimal value) {
    return value.signum() == 0 ? 0 : value.stripTrailingZeros().scale();
  }

  /** Digits before the point; 0 for values below 1. */
  static long integerDigits(BigDecimal value) {
    return value.signum() == 0 ? 0 : Math.max(0, (long) value.precision() - value.scale());
  }

  /** The number for a message: plain when that is short, else scientific; cut to an excerpt. */
  static String show(BigDecimal value) {
    boolean shortPlain = integerDigits(value) < DIGITS && value.scale() <= DIGITS;
    return PlanText.excerpt(
        shortPlain ? value.toPlainString() : value.toString(), PlanText.EXCERPT);
  }
}

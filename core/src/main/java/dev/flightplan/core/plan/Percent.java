package dev.flightplan.core.plan;

import java.math.BigDecimal;

/** Percentages of exposure as plan files write them (5, 0.25) and as basis points (500, 25). */
public final class Percent {
  private Percent() {}

  /**
   * Basis points of a percentage in (0, 100] with at most two decimals; throws {@link
   * IllegalArgumentException} saying what is wrong.
   */
  public static int toBasisPoints(BigDecimal percent) {
    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("must be more than 0 and at most 100");
    }
    if (percent.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("has more than two decimals");
    }
    return percent.movePointRight(2).intValueExact();
  }

  /** The percentage of {@code basisPoints} with no trailing zeros: 500 → 5, 25 → 0.25. */
  public static BigDecimal of(int basisPoints) {
    BigDecimal percent = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
    return percent.scale() < 0 ? percent.setScale(0) : percent;
  }

  /** For people: {@code 5%}, {@code 0.25%}. */
  public static String format(int basisPoints) {
    return of(basisPoints).toPlainString() + "%";
  }
}

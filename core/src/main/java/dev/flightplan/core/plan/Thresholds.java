package dev.flightplan.core.plan;

import dev.flightplan.core.plan.Threshold.Relative;
import dev.flightplan.core.plan.Threshold.Relative.Kind;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of gate thresholds. Absolute: {@code 5%} (0.05), {@code 0.85}, {@code 250}.
 * Relative: {@code 2x} (candidate vs 2 × baseline), {@code +0.5pp} / {@code -0.5pp} (baseline ±
 * half a percentage point, i.e. ±0.005), {@code +20} / {@code -20} (baseline ± 20 in the metric's
 * unit).
 */
public final class Thresholds {
  static final String ABSOLUTE_HINT = "use a number like 0.85 or 250, or a percentage like 5%";
  static final String RELATIVE_HINT = "use a factor like 2x, points like +0.5pp, or +20 / -20";

  private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern PERCENT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)%");
  private static final Pattern TIMES = Pattern.compile(NUMBER + "[xX]");
  private static final Pattern POINTS = Pattern.compile("([+-]" + NUMBER + ")pp");
  private static final Pattern PLUS = Pattern.compile("([+-]" + NUMBER + ")");

  /** Decimals of a number; of a percentage or percentage points, two fewer. */
  private static final int DECIMALS = PlanLimits.THRESHOLD_DECIMALS;

  private static final int PERCENT_DECIMALS = DECIMALS - 2;

  private Thresholds() {}

  /**
   * Parses an absolute threshold of at most {@link PlanLimits#THRESHOLD_DIGITS} significant digits,
   * below 10^15, with at most 8 decimals (6 as a percentage); throws {@link
   * IllegalArgumentException} when malformed or out of these bounds.
   */
  public static Threshold.Absolute absolute(String text) {
    String t = text.strip();
    Matcher percent = PERCENT.matcher(t);
    if (percent.matches()) {
      BigDecimal written = bounded(percent.group(1), PERCENT_DECIMALS, text);
      return new Threshold.Absolute(written.movePointLeft(2).doubleValue());
    }
    if (!DECIMAL.matcher(t).matches()) {
      throw new IllegalArgumentException(PlanText.quote(text) + " is not a threshold");
    }
    return new Threshold.Absolute(bounded(t, DECIMALS, text).doubleValue());
  }

  /**
   * Parses a relative threshold, with the bounds of {@link #absolute}; a factor is more than 0.
   * Throws {@link IllegalArgumentException} when malformed or out of bounds.
   */
  public static Relative relative(String text) {
    String t = text.strip();
    Matcher m;
    if ((m = TIMES.matcher(t)).matches()) {
      BigDecimal factor = bounded(m.group(1), DECIMALS, text);
      if (factor.signum() <= 0) {
        throw new IllegalArgumentException("a factor must be more than 0");
      }
      return new Relative(Kind.TIMES, factor.doubleValue());
    }
    if ((m = POINTS.matcher(t)).matches()) {
      BigDecimal points = bounded(m.group(1), PERCENT_DECIMALS, text);
      return new Relative(Kind.PLUS_POINTS, points.movePointLeft(2).doubleValue());
    }
    if ((m = PLUS.matcher(t)).matches()) {
      return new Relative(Kind.PLUS, bounded(m.group(1), DECIMALS, text).doubleValue());
    }
    throw new IllegalArgumentException(PlanText.quote(text) + " is not a relative threshold");
  }

  /** {@code 5%} when the metric is shown in percent, else the plain number. */
  public static String format(Threshold.Absolute absolute, boolean asPercent) {
    BigDecimal value = BigDecimal.valueOf(absolute.value());
    return asPercent ? plain(value.movePointRight(2)) + "%" : plain(value);
  }

  public static String format(Relative relative) {
    BigDecimal amount = BigDecimal.valueOf(relative.amount());
    return switch (relative.kind()) {
      case TIMES -> plain(amount) + "x";
      case PLUS_POINTS -> signed(amount.movePointRight(2)) + "pp";
      case PLUS -> signed(amount);
    };
  }

  private static String signed(BigDecimal value) {
    return (value.signum() < 0 ? "" : "+") + plain(value);
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** The number in {@code digits}, checked before anything expands it. */
  private static BigDecimal bounded(String digits, int decimals, String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PlanText.quote(text) + " is not a number", e);
    }
    String problem = PlanNumbers.thresholdProblem(value, decimals);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return value;
  }
}

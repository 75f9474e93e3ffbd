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
  private static final Pattern PERCENT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)%");
  private static final Pattern TIMES = Pattern.compile(NUMBER + "[xX]");
  private static final Pattern POINTS = Pattern.compile("([+-]" + NUMBER + ")pp");
  private static final Pattern PLUS = Pattern.compile("([+-]" + NUMBER + ")");

  private Thresholds() {}

  /** Parses an absolute threshold; throws {@link IllegalArgumentException} when malformed. */
  public static Threshold.Absolute absolute(String text) {
    String t = text.strip();
    Matcher percent = PERCENT.matcher(t);
    if (percent.matches()) {
      return new Threshold.Absolute(
          new BigDecimal(percent.group(1)).movePointLeft(2).doubleValue());
    }
    try {
      return new Threshold.Absolute(finite(new BigDecimal(t).doubleValue(), text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`" + text + "` is not a threshold", e);
    }
  }

  /** Parses a relative threshold; throws {@link IllegalArgumentException} when malformed. */
  public static Relative relative(String text) {
    String t = text.strip();
    Matcher m;
    if ((m = TIMES.matcher(t)).matches()) {
      double factor = finite(new BigDecimal(m.group(1)).doubleValue(), text);
      if (factor <= 0) {
        throw new IllegalArgumentException("a factor must be more than 0");
      }
      return new Relative(Kind.TIMES, factor);
    }
    if ((m = POINTS.matcher(t)).matches()) {
      return new Relative(
          Kind.PLUS_POINTS, new BigDecimal(m.group(1)).movePointLeft(2).doubleValue());
    }
    if ((m = PLUS.matcher(t)).matches()) {
      return new Relative(Kind.PLUS, finite(new BigDecimal(m.group(1)).doubleValue(), text));
    }
    throw new IllegalArgumentException("`" + text + "` is not a relative threshold");
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

  private static double finite(double value, String text) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("`" + text + "` is too large");
    }
    return value;
  }
}

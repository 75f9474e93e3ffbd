package dev.flightplan.core.gate;

import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.Threshold;

/**
 * Short, locale-independent renderings of gate values for messages ("6.2%", "0.85", "1240"). Kept
 * free of {@code String.format} because it runs on every evaluation.
 */
public final class GateValueFormat {
  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000};

  private GateValueFormat() {}

  /** A value in its metric's unit: ratios with unit {@code percent} are shown as percentages. */
  public static String value(double value, Unit unit) {
    return unit == Unit.PERCENT ? number(value * 100) + "%" : number(value);
  }

  /** A relative threshold against a baseline: "2x baseline 180", "baseline 1.2% +0.5pp". */
  public static String relative(Threshold.Relative relative, double baseline, Unit unit) {
    String base = value(baseline, unit);
    return switch (relative.kind()) {
      case TIMES -> number(relative.amount()) + "x baseline " + base;
      case PLUS_POINTS -> "baseline " + base + " +" + number(relative.amount() * 100) + "pp";
      case PLUS -> "baseline " + base + " +" + value(relative.amount(), unit);
    };
  }

  /** "p=0.012", with tiny ones shown as a bound: "p<0.0001". */
  public static String pValue(double p) {
    return p < 0.0001 ? "p<0.0001" : "p=" + number(p);
  }

  /** Rounded to a precision that suits the magnitude, trailing zeros dropped. */
  public static String number(double x) {
    if (!Double.isFinite(x)) {
      return Double.isNaN(x) ? "n/a" : (x > 0 ? "inf" : "-inf");
    }
    double abs = Math.abs(x);
    int decimals = abs >= 1000 ? 0 : abs >= 1 ? 2 : 4;
    long scaled = Math.round(abs * POW10[decimals]);
    long whole = scaled / POW10[decimals];
    long fraction = scaled % POW10[decimals];
    StringBuilder out = new StringBuilder(16);
    if (x < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(whole);
    if (fraction != 0) {
      out.append('.');
      for (long p = POW10[decimals] / 10; p > 0 && fraction != 0; p /= 10) {
        out.append((char) ('0' + fraction / p));
        fraction %= p;
      }
    }
    return out.toString();
  }
}

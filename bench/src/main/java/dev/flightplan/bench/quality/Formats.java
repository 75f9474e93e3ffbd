package dev.flightplan.bench.quality;

import java.math.BigDecimal;
import java.util.Locale;

/** How the report writes numbers. */
final class Formats {
  private Formats() {}

  /** 10000 → "10,000". */
  static String count(double value) {
    return String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  /** 0.001 → "0.1%", 0.05 → "5%". */
  static String percent(double fraction) {
    return number(fraction * 100) + "%";
  }

  /** A share with one decimal: 0.0125 → "1.3%". */
  static String share(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** The shortest plain form: 1.5 → "1.5", 2.0 → "2". */
  static String number(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}

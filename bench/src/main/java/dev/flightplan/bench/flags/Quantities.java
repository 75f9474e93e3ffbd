package dev.flightplan.bench.flags;

import java.util.Locale;

/** How the comparison table writes times, sizes and ratios. */
final class Quantities {
  private Quantities() {}

  /** 41.234 → "41.2 ns", 5874 → "5.87 µs", 1.2e6 → "1.20 ms". */
  static String time(double nanos) {
    return time(nanos, Double.NaN);
  }

  /** With JMH's interval in the same unit: "5.87 ± 0.12 µs"; a NaN error is left out. */
  static String time(double nanos, double error) {
    double scale = nanos < 1_000 ? 1 : nanos < 1_000_000 ? 1e3 : 1e6;
    String unit = scale == 1 ? "ns" : scale == 1e3 ? "µs" : "ms";
    String pattern = scale == 1 && nanos >= 10 ? "%.1f" : "%.2f";
    String value = String.format(Locale.ROOT, pattern, nanos / scale);
    if (!Double.isNaN(error)) {
      value += " ± " + String.format(Locale.ROOT, pattern, error / scale);
    }
    return value + " " + unit;
  }

  /** Bytes per call, whole: JMH's 0.003 B/op of a call that allocates nothing is "0 B/op". */
  static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return "B/op not measured";
    }
    return String.format(Locale.ROOT, "%,d B/op", roundedBytes(bytes));
  }

  static long roundedBytes(double bytes) {
    return Double.isNaN(bytes) ? Long.MAX_VALUE : Math.round(bytes);
  }

  /** How many times faster: "142× faster", "7.3× faster", "0.85× as fast". */
  static String times(double times) {
    if (times >= 10) {
      return String.format(Locale.ROOT, "%,.0f× faster", times);
    }
    if (times >= 1) {
      return String.format(Locale.ROOT, "%.1f× faster", times);
    }
    return String.format(Locale.ROOT, "%.2f× as fast", times);
  }

  /** A file size: 1,234,567 → "1.2 MB", 45,678 → "44.6 KB". */
  static String size(long bytes) {
    if (bytes < 1_024) {
      return bytes + " B";
    }
    if (bytes < 1_024 * 1_024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1_024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1_024.0 * 1_024));
  }
}

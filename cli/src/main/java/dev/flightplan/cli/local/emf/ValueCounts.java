package dev.flightplan.cli.local.emf;

import java.util.Arrays;
import java.util.List;

/**
 * The values of one series in one minute, each with how often it occurred, for percentiles. Exact
 * while a minute holds at most {@link #EXACT} distinct values; beyond, values are rounded to three
 * significant digits (then two), so memory stays bounded whatever the request rate.
 */
final class ValueCounts {
  static final int EXACT = 2_048;

  private double[] values = new double[16];
  private double[] counts = new double[16];
  private int size;
  private int digits = Integer.MAX_VALUE;

  void add(double value, double count) {
    if (size == values.length) {
      compact();
      if (size > values.length / 2) {
        values = Arrays.copyOf(values, values.length * 2);
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
    }
    values[size] = round(value);
    counts[size++] = count;
  }

  /** Sorts, merges equal values, and rounds coarser while more than {@link #EXACT} remain. */
  private void compact() {
    merge();
    while (size > EXACT && digits > 2) {
      digits = digits == Integer.MAX_VALUE ? 3 : digits - 1;
      for (int i = 0; i < size; i++) {
        values[i] = round(values[i]);
      }
      merge();
    }
  }

  private void merge() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] sortedValues = new double[values.length];
    double[] sortedCounts = new double[counts.length];
    int merged = 0;
    for (int i : order) {
      if (merged > 0 && sortedValues[merged - 1] == values[i]) {
        sortedCounts[merged - 1] += counts[i];
      } else {
        sortedValues[merged] = values[i];
        sortedCounts[merged++] = counts[i];
      }
    }
    values = sortedValues;
    counts = sortedCounts;
    size = merged;
  }

  private double round(double value) {
    if (digits == Integer.MAX_VALUE || value == 0 || !Double.isFinite(value)) {
      return value;
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * The {@code percentile} (0–100) of every value in {@code parts}: the smallest value with at
   * least that share of the occurrences at or below it; NaN when there are none.
   */
  static double percentile(List<ValueCounts> parts, double percentile) {
    ValueCounts all = new ValueCounts();
    for (ValueCounts part : parts) {
      for (int i = 0; i < part.size; i++) {
        all.add(part.values[i], part.counts[i]);
      }
    }
    all.merge();
    double total = 0;
    for (int i = 0; i < all.size; i++) {
      total += all.counts[i];
    }
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = Math.max(1, Math.ceil(percentile / 100 * total - 1e-9));
    double seen = 0;
    for (int i = 0; i < all.size; i++) {
      seen += all.counts[i];
      if (seen >= rank) {
        return all.values[i];
      }
    }
    return all.values[all.size - 1];
  }
}

package dev.flightplan.evaluation;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Pearson's chi-square goodness-of-fit against a uniform spread, for the uniformity tests. */
record ChiSquare(double statistic, double criticalValue) {
  /** The significance level: a fair hash fails one check in a thousand. */
  static final double ALPHA = 0.001;

  static ChiSquare uniform(int[] counts) {
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    double expected = (double) total / counts.length;
    double statistic = 0;
    for (int c : counts) {
      statistic += (c - expected) * (c - expected) / expected;
    }
    double critical =
        ChiSquaredDistribution.of(counts.length - 1).inverseSurvivalProbability(ALPHA);
    return new ChiSquare(statistic, critical);
  }

  boolean looksUniform() {
    return statistic <= criticalValue;
  }

  /** Folds the 10,000 buckets into 100 groups of 100, one per percentage point. */
  static int[] perPercent(int[] buckets) {
    int[] groups = new int[100];
    for (int b = 0; b < buckets.length; b++) {
      groups[b / 100] += buckets[b];
    }
    return groups;
  }
}

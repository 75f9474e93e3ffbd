package dev.flightplan.core.plan;

import java.util.regex.Pattern;

/**
 * CloudWatch statistic names a metric may use: the five standard ones, and the extended ones in
 * CloudWatch's syntax — percentiles {@code p95}, {@code p99.9}; trimmed mean, winsorized mean,
 * trimmed count and trimmed sum {@code tm90}, {@code wm99}, {@code tc90}, {@code ts90} and their
 * ranges {@code TM(10%:90%)}, {@code tm(:0.5)}; percentile rank {@code PR(100:2000)}; and {@code
 * IQM}.
 */
public final class StatisticNames {
  public static final String DEFAULT = "Average";

  private static final Pattern STANDARD =
      Pattern.compile("SampleCount|Average|Sum|Minimum|Maximum|IQM");
  private static final String PERCENTAGE = "(?:100(?:\\.0+)?|\\d{1,2}(?:\\.\\d{1,10})?)";
  private static final Pattern SHORTHAND =
      Pattern.compile("(?:[pP]|[tT][mM]|[wW][mM]|[tT][cC]|[tT][sS])" + PERCENTAGE);
  private static final String BOUND = "(?:\\d+(?:\\.\\d+)?%?)";
  private static final Pattern RANGE =
      Pattern.compile(
          "(?:[tT][mM]|[wW][mM]|[tT][cC]|[tT][sS]|[pP][rR])\\(" + BOUND + "?:" + BOUND + "?\\)");

  private StatisticNames() {}

  public static boolean isValid(String stat) {
    return STANDARD.matcher(stat).matches()
        || SHORTHAND.matcher(stat).matches()
        || (RANGE.matcher(stat).matches() && !stat.endsWith("(:)"));
  }

  /** Percentiles ({@code p95}) are read as CloudWatch statistics, not computed by Flightplan. */
  public static boolean isPercentile(String stat) {
    return stat.length() > 1
        && (stat.charAt(0) == 'p' || stat.charAt(0) == 'P')
        && Character.isDigit(stat.charAt(1));
  }
}

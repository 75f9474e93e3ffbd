package dev.flightplan.core.plan;

import java.time.Duration;
import java.util.Map;

/**
 * A metric read from CloudWatch. Either a single {@code metric} with a {@code stat} ({@code
 * Average}, {@code Sum}, {@code p95}…) or a {@code ratio} whose value Flightplan computes from the
 * {@code Sum} of numerator and denominator per variant. A {@code ${variant}} placeholder in a
 * dimension value makes a candidate/baseline pair.
 *
 * <p>{@code period} is the CloudWatch period; {@code lookback} how far back one evaluation reads at
 * most: never before the current exposure's evidence began (docs/design.md §2.5).
 */
public record MetricSpec(
    String name,
    String namespace,
    String metric,
    Ratio ratio,
    String stat,
    Map<String, String> dimensions,
    Unit unit,
    Duration period,
    Duration lookback) {

  public static final String VARIANT_PLACEHOLDER = "${variant}";
  public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);
  public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(30);

  public MetricSpec {
    dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
  }

  public boolean isRatio() {
    return ratio != null;
  }

  /** True when dimensions name {@code ${variant}}, so candidate and baseline can be compared. */
  public boolean hasVariants() {
    return dimensions.containsValue(VARIANT_PLACEHOLDER);
  }

  /**
   * Numerator and denominator metric names, in the same namespace and dimensions, and what a
   * numerator without any datapoint means.
   */
  public record Ratio(String numerator, String denominator, NumeratorAbsent numeratorAbsent) {

    public Ratio {
      java.util.Objects.requireNonNull(numeratorAbsent, "numeratorAbsent");
    }

    /** A ratio whose wholly absent numerator is missing data (the default). */
    public Ratio(String numerator, String denominator) {
      this(numerator, denominator, NumeratorAbsent.MISSING);
    }
  }

  /**
   * How values are shown. Ratio values are fractions internally (0.05); {@code PERCENT} shows them
   * as 5%.
   */
  public enum Unit {
    PERCENT("percent"),
    RATIO("ratio"),
    COUNT("count"),
    MILLISECONDS("ms"),
    SECONDS("s"),
    NONE("none");

    private final String wireName;

    Unit(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}

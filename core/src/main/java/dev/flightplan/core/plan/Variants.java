package dev.flightplan.core.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ${variant}} stands for when a metric is read: {@code candidate} and {@code baseline},
 * or for a Lambda alias target its candidate and stable versions ({@code ExecutedVersion}). Every
 * metrics source resolves dimensions here, for the gates and the series alike.
 */
public final class Variants {
  public static final String CANDIDATE = "candidate";
  public static final String BASELINE = "baseline";

  private Variants() {}

  /** The value {@code ${variant}} takes for the candidate or the baseline of {@code target}. */
  public static String value(Target target, boolean candidate) {
    if (target instanceof Target.LambdaAlias alias) {
      return candidate ? alias.candidate() : alias.stable();
    }
    return candidate ? CANDIDATE : BASELINE;
  }

  /** The metric's dimensions with {@code ${variant}} replaced by {@code value}, in plan order. */
  public static Map<String, String> dimensions(MetricSpec spec, String value) {
    Map<String, String> resolved = new LinkedHashMap<>();
    spec.dimensions()
        .forEach(
            (name, v) -> resolved.put(name, MetricSpec.VARIANT_PLACEHOLDER.equals(v) ? value : v));
    return Collections.unmodifiableMap(resolved);
  }
}

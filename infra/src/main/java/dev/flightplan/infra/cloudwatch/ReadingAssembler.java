package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.gate.AbsentNumerator;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import dev.flightplan.infra.cloudwatch.QueryKey.Variant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One metric's reading from the series of its queries. Any failed query fails the whole metric —
 * half a ratio is no reading. No candidate datapoints is {@code Missing}; a candidate without
 * baseline datapoints is still a value (absolute gates need only the candidate; relative gates see
 * the missing baseline themselves). A ratio whose numerator has no datapoints in any variant is
 * missing too ({@link AbsentNumerator}).
 */
final class ReadingAssembler {
  private ReadingAssembler() {}

  static MetricReading reading(
      String rolloutId, MetricSpec spec, Map<Variant, String> variants, Map<QueryKey, Series> all) {
    Map<Variant, Map<Part, Series>> byVariant = new EnumMap<>(Variant.class);
    for (Variant variant : variants.keySet()) {
      Map<Part, Series> parts = new EnumMap<>(Part.class);
      for (Part part : QueryPlanner.parts(spec)) {
        Series series = all.get(new QueryKey(rolloutId, spec.name(), variant, part));
        if (series == null || series.isFailed()) {
          return new MetricReading.Failed(series == null ? "no query was sent" : series.failure());
        }
        parts.put(part, series);
      }
      byVariant.put(variant, parts);
    }
    VariantSample candidate = VariantSamples.sample(spec, byVariant.get(Variant.CANDIDATE));
    if (candidate == null) {
      return new MetricReading.Missing(missing(spec, variants.get(Variant.CANDIDATE)));
    }
    Map<Part, Series> baselineParts = byVariant.get(Variant.BASELINE);
    VariantSample baseline =
        baselineParts == null ? null : VariantSamples.sample(spec, baselineParts);
    MetricReading values = new MetricReading.Values(candidate, baseline);
    return spec.isRatio() ? absentNumerator(spec, byVariant).orElse(values) : values;
  }

  private static Optional<MetricReading> absentNumerator(
      MetricSpec spec, Map<Variant, Map<Part, Series>> byVariant) {
    boolean numeratorHasPoint = false;
    double requests = 0;
    for (Map<Part, Series> parts : byVariant.values()) {
      numeratorHasPoint |= !parts.get(Part.NUMERATOR).isEmpty();
      requests += parts.get(Part.DENOMINATOR).sum();
    }
    return AbsentNumerator.missing(spec, numeratorHasPoint, requests);
  }

  private static String missing(MetricSpec spec, String variant) {
    String what = "";
    if (spec.hasVariants()) {
      what =
          QueryPlanner.CANDIDATE.equals(variant) ? " for candidate" : " for candidate " + variant;
    }
    return "CloudWatch has no datapoints"
        + what
        + " in the last "
        + Durations.format(spec.lookback());
  }
}

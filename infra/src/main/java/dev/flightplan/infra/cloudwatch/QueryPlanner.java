package dev.flightplan.infra.cloudwatch;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.ExposureEvidence;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.plan.Variants;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import dev.flightplan.infra.cloudwatch.QueryKey.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Turns the metrics of due rollouts into GetMetricData queries: per metric and variant, a ratio
 * reads the {@code Sum} of numerator and denominator; any other metric reads its statistic and
 * {@code SampleCount} per period (so the requests behind the value are known), plus the statistic
 * over the whole window when per-period values cannot be combined into it (percentiles, trimmed
 * means, IQM). Every query covers the metric's {@link EvidenceWindow}: whole periods since the
 * rollout's current exposure settled, at most the lookback; a metric whose window is still empty
 * gets no query.
 */
final class QueryPlanner {
  static final String CANDIDATE = Variants.CANDIDATE;
  static final String BASELINE = Variants.BASELINE;

  private final List<PlannedQuery> queries = new ArrayList<>();

  static List<PlannedQuery> plan(List<Rollout> rollouts, Instant now) {
    QueryPlanner planner = new QueryPlanner();
    for (Rollout rollout : rollouts) {
      ExposureEvidence exposure = ExposureEvidence.of(rollout);
      for (MetricSpec spec : rollout.plan().metrics().values()) {
        EvidenceWindow evidence = exposure.window(spec, now);
        if (!evidence.isEmpty()) {
          planner.add(rollout, spec, QueryWindow.of(evidence));
        }
      }
    }
    return planner.queries;
  }

  /** The queries a metric needs per variant, in the order they are planned. */
  static List<Part> parts(MetricSpec spec) {
    if (spec.isRatio()) {
      return List.of(Part.NUMERATOR, Part.DENOMINATOR);
    }
    if (spec.stat().equals("SampleCount")) {
      return List.of(Part.VALUE);
    }
    return Aggregates.combinable(spec.stat())
        ? List.of(Part.VALUE, Part.COUNT)
        : List.of(Part.VALUE, Part.COUNT, Part.WINDOW);
  }

  /**
   * The value {@code ${variant}} takes for each variant: {@code candidate} and {@code baseline}, or
   * for a Lambda alias the candidate and stable versions ({@code ExecutedVersion}). A metric
   * without the placeholder reads the candidate only.
   */
  static Map<Variant, String> variants(Target target, MetricSpec spec) {
    Map<Variant, String> variants = new EnumMap<>(Variant.class);
    variants.put(Variant.CANDIDATE, Variants.value(target, true));
    if (spec.hasVariants()) {
      variants.put(Variant.BASELINE, Variants.value(target, false));
    }
    return variants;
  }

  /**
   * The queries of one rollout's series: per metric and variant, a ratio's numerator and
   * denominator sums, or the plan's statistic, all at {@code periodSeconds} over {@code window}.
   */
  static List<PlannedQuery> planSeries(
      Rollout rollout, List<MetricSpec> metrics, QueryWindow window, long periodSeconds) {
    QueryPlanner planner = new QueryPlanner();
    for (MetricSpec spec : metrics) {
      List<Part> parts =
          spec.isRatio() ? List.of(Part.NUMERATOR, Part.DENOMINATOR) : List.of(Part.VALUE);
      planner.add(rollout, spec, window, parts, periodSeconds);
    }
    return planner.queries;
  }

  private void add(Rollout rollout, MetricSpec spec, QueryWindow window) {
    add(rollout, spec, window, parts(spec), spec.period().toSeconds());
  }

  private void add(
      Rollout rollout, MetricSpec spec, QueryWindow window, List<Part> parts, long period) {
    for (Map.Entry<Variant, String> variant : variants(rollout.plan().target(), spec).entrySet()) {
      List<Dimension> dimensions = dimensions(spec, variant.getValue());
      for (Part part : parts) {
        QueryKey key = new QueryKey(rollout.id(), spec.name(), variant.getKey(), part);
        String id = "q" + queries.size();
        long seconds = part == Part.WINDOW ? window.seconds() : period;
        queries.add(new PlannedQuery(id, key, window, query(id, spec, part, seconds, dimensions)));
      }
    }
  }

  private static MetricDataQuery query(
      String id, MetricSpec spec, Part part, long period, List<Dimension> dimensions) {
    String metricName =
        switch (part) {
          case NUMERATOR -> spec.ratio().numerator();
          case DENOMINATOR -> spec.ratio().denominator();
          default -> spec.metric();
        };
    String stat =
        switch (part) {
          case NUMERATOR, DENOMINATOR -> "Sum";
          case COUNT -> "SampleCount";
          default -> spec.stat();
        };
    Metric metric =
        Metric.builder()
            .namespace(spec.namespace())
            .metricName(metricName)
            .dimensions(dimensions)
            .build();
    MetricStat metricStat =
        MetricStat.builder().metric(metric).period(Math.toIntExact(period)).stat(stat).build();
    return MetricDataQuery.builder().id(id).metricStat(metricStat).returnData(true).build();
  }

  private static List<Dimension> dimensions(MetricSpec spec, String variant) {
    List<Dimension> dimensions = new ArrayList<>();
    Variants.dimensions(spec, variant)
        .forEach(
            (name, value) -> dimensions.add(Dimension.builder().name(name).value(value).build()));
    return dimensions;
  }
}

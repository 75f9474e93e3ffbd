package dev.flightplan.core.plan;

import dev.flightplan.core.plan.Threshold.Relative;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid metrics and gates over them, for {@link PlanArbitraries}. */
public final class MetricArbitraries {
  private static final List<String> STATS =
      List.of(
          "Average", "Sum", "SampleCount", "Maximum", "p95", "p99.9", "tm90", "TM(10%:90%)", "IQM");

  private MetricArbitraries() {}

  public static Arbitrary<Map<String, MetricSpec>> metrics() {
    return PlanArbitraries.names()
        .list()
        .ofMaxSize(3)
        .uniqueElements()
        .flatMap(
            names ->
                Combinators.combine(names.stream().map(MetricArbitraries::metric).toList())
                    .as(
                        specs -> {
                          Map<String, MetricSpec> metrics = new LinkedHashMap<>();
                          specs.forEach(spec -> metrics.put(spec.name(), spec));
                          return metrics;
                        }));
  }

  static Arbitrary<MetricSpec> metric(String name) {
    Arbitrary<Map<String, String>> dimensions =
        Arbitraries.maps(
                PlanArbitraries.names(),
                Arbitraries.oneOf(
                    PlanArbitraries.names(), Arbitraries.just(MetricSpec.VARIANT_PLACEHOLDER)))
            .ofMaxSize(3)
            .map(LinkedHashMap::new);
    return Combinators.combine(
            PlanArbitraries.names(),
            PlanArbitraries.names(),
            Arbitraries.of(true, false),
            Arbitraries.of(STATS),
            dimensions,
            Arbitraries.of(MetricSpec.Unit.class),
            Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(1, 10))
        .as(
            (namespace, metric, ratio, stat, dims, unit, periodMinutes, lookbackPeriods) -> {
              Duration period = Duration.ofMinutes(periodMinutes);
              Duration lookback = period.multipliedBy(lookbackPeriods);
              return ratio
                  ? new MetricSpec(
                      name,
                      namespace,
                      null,
                      new MetricSpec.Ratio(metric, metric + "Total"),
                      "Sum",
                      dims,
                      unit,
                      period,
                      lookback)
                  : new MetricSpec(
                      name, namespace, metric, null, stat, dims, unit, period, lookback);
            });
  }

  /** Gates over {@code metrics}; at least one rolls back when there is no alarm to do it. */
  public static Arbitrary<List<Gate>> gates(
      Map<String, MetricSpec> metrics, boolean needsRollback) {
    if (metrics.isEmpty()) {
      return Arbitraries.just(List.of());
    }
    List<MetricSpec> specs = new ArrayList<>(metrics.values());
    Arbitrary<Gate> gate = Arbitraries.of(specs).flatMap(MetricArbitraries::gate);
    return gate.list()
        .ofMinSize(needsRollback ? 1 : 0)
        .ofMaxSize(4)
        .map(
            list -> {
              List<Gate> named = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                Gate g = list.get(i);
                GateAction action = needsRollback && i == 0 ? GateAction.ROLLBACK : g.action();
                named.add(
                    new Gate(
                        "gate-" + i,
                        g.metric(),
                        g.op(),
                        g.threshold(),
                        g.sustain(),
                        action,
                        g.minSamples(),
                        g.missingData(),
                        g.errorLimit(),
                        g.confidence()));
              }
              return named;
            });
  }

  static Arbitrary<Gate> gate(MetricSpec spec) {
    return Combinators.combine(
            Arbitraries.of(Comparison.class),
            thresholds(spec),
            PlanArbitraries.durations(),
            Arbitraries.of(GateAction.class),
            Arbitraries.longs().between(0, 1_000_000),
            Arbitraries.of(MissingData.class),
            Arbitraries.integers().between(1, 20),
            PlanArbitraries.decimals(0.5, 0.9999))
        .as(
            (op, threshold, sustain, action, minSamples, missing, errorLimit, confidence) ->
                new Gate(
                    "unnamed",
                    spec.name(),
                    op,
                    threshold,
                    sustain,
                    action,
                    minSamples,
                    missing,
                    errorLimit,
                    confidence));
  }

  static Arbitrary<Threshold> thresholds(MetricSpec spec) {
    Arbitrary<Threshold> absolute =
        PlanArbitraries.decimals(-1000, 1000).map(Threshold.Absolute::new);
    if (!spec.hasVariants()) {
      return absolute;
    }
    Arbitrary<Threshold> times =
        PlanArbitraries.decimals(0.0001, 100).map(a -> new Relative(Relative.Kind.TIMES, a));
    Arbitrary<Threshold> plus =
        PlanArbitraries.decimals(-1000, 1000).map(a -> new Relative(Relative.Kind.PLUS, a));
    Arbitrary<Threshold> points =
        PlanArbitraries.decimals(-1, 1).map(a -> new Relative(Relative.Kind.PLUS_POINTS, a));
    return spec.isRatio()
        ? Arbitraries.oneOf(absolute, times, plus, points)
        : Arbitraries.oneOf(absolute, times, plus);
  }
}

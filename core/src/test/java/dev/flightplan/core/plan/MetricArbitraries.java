package dev.flightplan.core.plan;

import dev.flightplan.core.plan.Threshold.Relative;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid metrics and gates over them, for {@link PlanArbitraries}, reaching the bounds of {@link
 * PlanLimits} now and then.
 */
public final class MetricArbitraries {
  private static final List<String> STATS =
      List.of(
          "Average", "Sum", "SampleCount", "Maximum", "p95", "p99.9", "tm90", "TM(10%:90%)", "IQM");

  private MetricArbitraries() {}

  public static Arbitrary<Map<String, MetricSpec>> metrics() {
    return PlanArbitraries.count(3, PlanLimits.METRICS)
        .flatMap(n -> PlanArbitraries.names().list().ofSize(n).uniqueElements())
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
    Arbitrary<String> values =
        Arbitraries.oneOf(
            PlanArbitraries.texts(PlanLimits.DIMENSION_VALUE),
            Arbitraries.just(MetricSpec.VARIANT_PLACEHOLDER));
    Arbitrary<Map<String, String>> dimensions =
        PlanArbitraries.count(3, PlanLimits.DIMENSIONS)
            .flatMap(
                n ->
                    Arbitraries.maps(PlanArbitraries.texts(PlanLimits.CLOUDWATCH_NAME), values)
                        .ofSize(n))
            .map(LinkedHashMap::new);
    int maxLookback = (int) PlanLimits.LOOKBACK.toMinutes();
    return Combinators.combine(
            PlanArbitraries.texts(PlanLimits.CLOUDWATCH_NAME),
            PlanArbitraries.texts(PlanLimits.CLOUDWATCH_NAME - 5),
            // a ratio and what its absent numerator means, or null for a single metric
            Arbitraries.of(NumeratorAbsent.class).injectNull(0.5),
            Arbitraries.of(STATS),
            dimensions,
            Arbitraries.of(MetricSpec.Unit.class),
            Arbitraries.integers().between(1, (int) PlanLimits.PERIOD.toMinutes()),
            Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1, 10)),
                Tuple.of(1, Arbitraries.integers().between(1, maxLookback)),
                Tuple.of(1, Arbitraries.just(maxLookback))))
        .as(
            (namespace, metric, absent, stat, dims, unit, periodMinutes, lookbackPeriods) -> {
              Duration period = Duration.ofMinutes(periodMinutes);
              Duration lookback =
                  period.multipliedBy(Math.min(lookbackPeriods, maxLookback / periodMinutes));
              return absent != null
                  ? new MetricSpec(
                      name,
                      namespace,
                      null,
                      new MetricSpec.Ratio(metric, metric + "Total", absent),
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
    return PlanArbitraries.count(4, PlanLimits.GATES)
        .flatMap(n -> gate.list().ofSize(Math.max(n, needsRollback ? 1 : 0)))
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
            PlanArbitraries.durations(PlanLimits.SUSTAIN),
            Arbitraries.of(GateAction.class),
            Arbitraries.longs().between(0, PlanLimits.MIN_SAMPLES),
            Arbitraries.of(MissingData.class),
            Arbitraries.integers().between(1, PlanLimits.ERROR_LIMIT),
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

  /**
   * Thresholds up to their bounds: 15 significant digits below 10^15 with 8 decimals, or within
   * 0..1 (±1 for amounts) on a share (ratio, percent or ratio unit).
   */
  static Arbitrary<Threshold> thresholds(MetricSpec spec) {
    boolean share =
        spec.isRatio()
            || spec.unit() == MetricSpec.Unit.PERCENT
            || spec.unit() == MetricSpec.Unit.RATIO;
    Arbitrary<Double> values = share ? shares(false) : numbers();
    Arbitrary<Threshold> absolute = values.map(Threshold.Absolute::new);
    if (!spec.hasVariants()) {
      return absolute;
    }
    Arbitrary<Threshold> times =
        numbers().filter(a -> a > 0).map(a -> new Relative(Relative.Kind.TIMES, a));
    Arbitrary<Threshold> plus =
        (share ? shares(true) : numbers()).map(a -> new Relative(Relative.Kind.PLUS, a));
    Arbitrary<Threshold> points = shares(true).map(a -> new Relative(Relative.Kind.PLUS_POINTS, a));
    return spec.isRatio()
        ? Arbitraries.oneOf(absolute, times, plus, points)
        : Arbitraries.oneOf(absolute, times, plus);
  }

  /** At most 15 significant digits, below 10^15, at most 8 decimals. */
  static Arbitrary<Double> numbers() {
    long max = 999_999_999_999_999L;
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(-100_000, 100_000)),
                Tuple.of(1, Arbitraries.longs().between(-max, max)),
                Tuple.of(1, Arbitraries.of(max, -max))),
            Arbitraries.integers().between(0, PlanLimits.THRESHOLD_DECIMALS))
        .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale).doubleValue())
        .map(d -> d == 0 ? 0.0 : d);
  }

  /** Fractions in 0..1 (or -1..1) with at most 8 decimals, 0 and 1 included. */
  static Arbitrary<Double> shares(boolean signed) {
    return Arbitraries.integers()
        .between(0, PlanLimits.THRESHOLD_DECIMALS)
        .flatMap(
            scale -> {
              long one = BigDecimal.ONE.movePointRight(scale).longValueExact();
              return Arbitraries.longs()
                  .between(signed ? -one : 0, one)
                  .map(unscaled -> BigDecimal.valueOf(unscaled, scale).doubleValue());
            })
        .map(d -> d == 0 ? 0.0 : d);
  }
}

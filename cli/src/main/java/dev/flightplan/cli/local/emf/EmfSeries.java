package dev.flightplan.cli.local.emf;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.plan.Variants;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A range of what applications sent over EMF, per period of the range, computed as the gates
 * compute it ({@link EmfStatistics}); the store keeps at most {@link EmfStore#MAX_RETENTION}, so
 * older periods have no points.
 */
final class EmfSeries {
  private EmfSeries() {}

  static Map<String, SeriesReading> read(EmfStore store, Target target, SeriesQuery query) {
    Map<String, SeriesReading> readings = new LinkedHashMap<>();
    EvidenceWindow range =
        new EvidenceWindow(query.range().from(), query.range().to(), query.range().from());
    synchronized (store) {
      for (MetricSpec plan : query.metrics()) {
        if (!plan.isRatio() && !EmfStatistics.supports(plan.stat())) {
          readings.put(
              plan.name(),
              new SeriesReading.Failed("local mode does not read " + plan.stat() + " from EMF"));
          continue;
        }
        MetricSpec spec = atPeriod(plan, query);
        EmfStatistics statistics = new EmfStatistics(store, spec, range);
        PeriodSeries candidate = periods(statistics, spec, Variants.value(target, true));
        PeriodSeries baseline =
            spec.hasVariants() ? periods(statistics, spec, Variants.value(target, false)) : null;
        if (spec.isRatio() && !numeratorSeen(statistics, spec, target)) {
          candidate = withoutNumerator(candidate);
          baseline = baseline == null ? null : withoutNumerator(baseline);
        }
        readings.put(spec.name(), new SeriesReading.Periods(candidate, baseline));
      }
    }
    return readings;
  }

  private static PeriodSeries periods(EmfStatistics statistics, MetricSpec spec, String variant) {
    VariantSample sample =
        spec.isRatio()
            ? statistics.ratio(
                EmfMetricsSource.key(spec, spec.ratio().numerator(), variant),
                EmfMetricsSource.key(spec, spec.ratio().denominator(), variant))
            : statistics.plain(EmfMetricsSource.key(spec, spec.metric(), variant));
    return sample == null ? PeriodSeries.EMPTY : sample.periods();
  }

  private static boolean numeratorSeen(EmfStatistics statistics, MetricSpec spec, Target target) {
    boolean seen =
        statistics.hasData(
            EmfMetricsSource.key(spec, spec.ratio().numerator(), Variants.value(target, true)));
    return seen
        || spec.hasVariants()
            && statistics.hasData(
                EmfMetricsSource.key(
                    spec, spec.ratio().numerator(), Variants.value(target, false)));
  }

  /** The same periods with the numerator marked absent, for the core's absent-numerator rule. */
  private static PeriodSeries withoutNumerator(PeriodSeries periods) {
    double[] absent = new double[periods.size()];
    Arrays.fill(absent, Double.NaN);
    return new PeriodSeries(periods.starts(), absent, periods.counts());
  }

  /** The metric read at the range's period, which may be wider than its own. */
  private static MetricSpec atPeriod(MetricSpec spec, SeriesQuery query) {
    return new MetricSpec(
        spec.name(),
        spec.namespace(),
        spec.metric(),
        spec.ratio(),
        spec.stat(),
        spec.dimensions(),
        spec.unit(),
        query.range().period(),
        spec.lookback());
  }
}

package dev.flightplan.cli.local.emf;

import dev.flightplan.core.gate.AbsentNumerator;
import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.ExposureEvidence;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.plan.Variants;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gates' metrics from what applications sent over EMF, answered as the CloudWatch adapter
 * answers: each metric over its {@link EvidenceWindow}, {@code ${variant}} resolved to {@code
 * candidate} and {@code baseline} (a Lambda alias's versions for alias targets), ratios from the
 * summed numerator and denominator per period, other statistics per period with the sample count
 * beside them, percentiles from the values received.
 */
final class EmfMetricsSource implements MetricsSource {
  private final EmfStore store;

  EmfMetricsSource(EmfStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<String, Observations> observations = new LinkedHashMap<>();
    synchronized (store) {
      for (Rollout rollout : rollouts) {
        observations.put(rollout.id(), new Observations(now, readings(rollout, now)));
      }
      store.prune(now.getEpochSecond());
    }
    return observations;
  }

  private Map<String, MetricReading> readings(Rollout rollout, Instant now) {
    ExposureEvidence exposure = ExposureEvidence.of(rollout);
    Map<String, MetricReading> readings = new LinkedHashMap<>();
    for (MetricSpec spec : rollout.plan().metrics().values()) {
      store.retainAtLeast(spec.lookback().plus(spec.period()));
      EvidenceWindow window = exposure.window(spec, now);
      readings.put(
          spec.name(),
          window.isEmpty()
              ? exposure.notYet(spec)
              : reading(rollout.plan().target(), spec, window));
    }
    return readings;
  }

  private MetricReading reading(Target target, MetricSpec spec, EvidenceWindow window) {
    if (!spec.isRatio() && !EmfStatistics.supports(spec.stat())) {
      return new MetricReading.Failed(
          "local mode reads Sum, SampleCount, Average, Minimum, Maximum and percentiles from EMF,"
              + " not "
              + spec.stat());
    }
    String candidateName = variant(target, true);
    VariantSample candidate = sample(spec, window, candidateName);
    if (candidate == null) {
      return new MetricReading.Missing(
          "no EMF datapoints"
              + (spec.hasVariants() ? " for " + candidateName : "")
              + " in the last "
              + Durations.format(spec.lookback()));
    }
    VariantSample baseline =
        spec.hasVariants() ? sample(spec, window, variant(target, false)) : null;
    MetricReading values = new MetricReading.Values(candidate, baseline);
    return spec.isRatio() ? absentNumerator(spec, window, target).orElse(values) : values;
  }

  private VariantSample sample(MetricSpec spec, EvidenceWindow window, String variant) {
    EmfStatistics statistics = new EmfStatistics(store, spec, window);
    if (spec.isRatio()) {
      return statistics.ratio(
          key(spec, spec.ratio().numerator(), variant),
          key(spec, spec.ratio().denominator(), variant));
    }
    return statistics.plain(key(spec, spec.metric(), variant));
  }

  private Optional<MetricReading> absentNumerator(
      MetricSpec spec, EvidenceWindow window, Target target) {
    boolean numeratorHasPoint = false;
    double requests = 0;
    EmfStatistics statistics = new EmfStatistics(store, spec, window);
    for (boolean candidate :
        spec.hasVariants() ? new boolean[] {true, false} : new boolean[] {true}) {
      String variant = variant(target, candidate);
      numeratorHasPoint |= statistics.hasData(key(spec, spec.ratio().numerator(), variant));
      requests += statistics.sum(key(spec, spec.ratio().denominator(), variant));
    }
    return AbsentNumerator.missing(spec, numeratorHasPoint, requests);
  }

  /** What {@code ${variant}} stands for: candidate/baseline, or an alias's two versions. */
  static String variant(Target target, boolean candidate) {
    return Variants.value(target, candidate);
  }

  static SeriesKey key(MetricSpec spec, String metric, String variant) {
    return new SeriesKey(spec.namespace(), metric, Variants.dimensions(spec, variant));
  }

  @Override
  public Map<String, SeriesReading> series(Rollout rollout, SeriesQuery query) {
    return EmfSeries.read(store, rollout.plan().target(), query);
  }
}

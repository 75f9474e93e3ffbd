package dev.flightplan.core.simulate;

import dev.flightplan.core.gate.AbsentNumerator;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Reads a recorded {@link Trace} as the CloudWatch adapter reads CloudWatch: per metric, the
 * periods that lie wholly inside the lookback ending at {@code now} (aligned to period boundaries,
 * so the period still filling up is left out), turned into the same readings. No candidate rows in
 * the window is {@code Missing}; a candidate without baseline rows is still a value; a ratio whose
 * numerator has no rows in any variant is {@code Missing} too ({@link AbsentNumerator}).
 */
public final class TraceMetricsSource implements MetricsSource {
  private static final List<String> BOTH = List.of(Trace.CANDIDATE, Trace.BASELINE);
  private static final List<String> CANDIDATE_ONLY = List.of(Trace.CANDIDATE);
  private final Trace trace;

  public TraceMetricsSource(Trace trace) {
    this.trace = trace;
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<String, Observations> result = new HashMap<>();
    for (Rollout rollout : rollouts) {
      Map<String, MetricReading> readings = new HashMap<>();
      for (MetricSpec spec : rollout.plan().metrics().values()) {
        readings.put(spec.name(), reading(spec, now));
      }
      result.put(rollout.id(), new Observations(now, readings));
    }
    return result;
  }

  /** One metric's reading at {@code now}. */
  public MetricReading reading(MetricSpec spec, Instant now) {
    VariantSample candidate = sample(spec, Trace.CANDIDATE, now);
    if (candidate == null) {
      return new MetricReading.Missing(
          "the trace has no rows for candidate in the last " + Durations.format(spec.lookback()));
    }
    VariantSample baseline = spec.hasVariants() ? sample(spec, Trace.BASELINE, now) : null;
    MetricReading values = new MetricReading.Values(candidate, baseline);
    return spec.isRatio() ? absentNumerator(spec, now).orElse(values) : values;
  }

  private Optional<MetricReading> absentNumerator(MetricSpec spec, Instant now) {
    boolean numeratorHasPoint = false;
    double requests = 0;
    for (String variant : spec.hasVariants() ? BOTH : CANDIDATE_ONLY) {
      numeratorHasPoint |= !window(spec.ratio().numerator(), variant, spec, now).isEmpty();
      for (TracePoint point : window(spec.ratio().denominator(), variant, spec, now).values()) {
        requests += point.value();
      }
    }
    return AbsentNumerator.missing(spec, numeratorHasPoint, requests);
  }

  private VariantSample sample(MetricSpec spec, String variant, Instant now) {
    if (spec.isRatio()) {
      return TraceSamples.ratio(
          window(spec.ratio().numerator(), variant, spec, now),
          window(spec.ratio().denominator(), variant, spec, now));
    }
    return TraceSamples.plain(spec.stat(), window(spec.metric(), variant, spec, now));
  }

  /** Points whose period {@code [t, t + period)} lies inside the aligned lookback. */
  private NavigableMap<Instant, TracePoint> window(
      String metric, String variant, MetricSpec spec, Instant now) {
    LookbackPeriods periods = LookbackPeriods.of(spec, now);
    return trace.series(metric, variant).subMap(periods.first(), true, periods.last(), true);
  }
}

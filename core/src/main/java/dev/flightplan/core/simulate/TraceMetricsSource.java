package dev.flightplan.core.simulate;

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

/**
 * Reads a recorded {@link Trace} as the CloudWatch adapter reads CloudWatch: per metric, the
 * periods that lie wholly inside the lookback ending at {@code now} (aligned to period boundaries,
 * so the period still filling up is left out), turned into the same readings. No candidate rows in
 * the window is {@code Missing}; a candidate without baseline rows is still a value.
 */
public final class TraceMetricsSource implements MetricsSource {
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
    return new MetricReading.Values(candidate, baseline);
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

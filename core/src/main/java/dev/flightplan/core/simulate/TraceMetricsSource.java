package dev.flightplan.core.simulate;

import dev.flightplan.core.gate.AbsentNumerator;
import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.ExposureEvidence;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Reads a recorded {@link Trace} as the CloudWatch adapter reads CloudWatch: per metric, the
 * periods that lie wholly inside the evidence window at {@code now} (aligned to period boundaries,
 * so the period still filling up is left out), turned into the same readings. No candidate rows in
 * the window is {@code Missing}; a candidate without baseline rows is still a value; a ratio whose
 * numerator has no rows in any variant is {@code Missing} too ({@link AbsentNumerator}).
 */
public final class TraceMetricsSource implements MetricsSource {
  private static final List<String> BOTH = List.of(Trace.CANDIDATE, Trace.BASELINE);
  private static final List<String> CANDIDATE_ONLY = List.of(Trace.CANDIDATE);
  private final Trace trace;
  private final ExposureEvidence exposure;

  /** Reads over the plain lookback, as for a rollout whose exposure change is unknown. */
  public TraceMetricsSource(Trace trace) {
    this(trace, ExposureEvidence.UNKNOWN);
  }

  private TraceMetricsSource(Trace trace, ExposureEvidence exposure) {
    this.trace = trace;
    this.exposure = exposure;
  }

  /**
   * This trace as {@code rollout} reads it: each metric over its {@link EvidenceWindow}, whole
   * periods since the current exposure settled and at most the lookback; an empty window is {@code
   * Missing} with {@link ExposureEvidence#notYet} words.
   */
  public TraceMetricsSource at(Rollout rollout) {
    return new TraceMetricsSource(trace, ExposureEvidence.of(rollout));
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<String, Observations> result = new HashMap<>();
    for (Rollout rollout : rollouts) {
      TraceMetricsSource source = at(rollout);
      Map<String, MetricReading> readings = new HashMap<>();
      for (MetricSpec spec : rollout.plan().metrics().values()) {
        readings.put(spec.name(), source.reading(spec, now));
      }
      result.put(rollout.id(), new Observations(now, readings));
    }
    return result;
  }

  /** One metric's reading at {@code now}. */
  public MetricReading reading(MetricSpec spec, Instant now) {
    EvidenceWindow evidence = exposure.window(spec, now);
    if (evidence.isEmpty()) {
      return exposure.notYet(spec);
    }
    VariantSample candidate = sample(spec, Trace.CANDIDATE, now);
    if (candidate == null) {
      return new MetricReading.Missing(
          "the trace has no rows for candidate in " + ExposureEvidence.span(evidence, spec));
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

  /** Points whose period {@code [t, t + period)} lies inside the evidence window. */
  private NavigableMap<Instant, TracePoint> window(
      String metric, String variant, MetricSpec spec, Instant now) {
    EvidenceWindow evidence = exposure.window(spec, now);
    if (evidence.isEmpty()) {
      return Collections.emptyNavigableMap();
    }
    Instant last = evidence.to().minus(spec.period());
    return trace.series(metric, variant).subMap(evidence.from(), true, last, true);
  }
}

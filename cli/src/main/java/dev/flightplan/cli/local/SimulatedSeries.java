package dev.flightplan.cli.local;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated service's metrics over a past range: each of the metric's own periods drawn from
 * the same streams the gates drew from, under the exposure live at that time (from the history),
 * then summed into the range's possibly wider periods (ratios add numerators and denominators;
 * other statistics take the request-weighted mean of their periods, sums and counts add up).
 */
final class SimulatedSeries {
  private final TrafficSimulator simulator;
  private final List<Fault> faults;

  SimulatedSeries(TrafficSimulator simulator, List<Fault> faults) {
    this.simulator = simulator;
    this.faults = faults;
  }

  Map<String, SeriesReading> read(Rollout rollout, SeriesQuery query) {
    Map<String, SeriesReading> readings = new LinkedHashMap<>();
    for (MetricSpec spec : query.metrics()) {
      PeriodSeries candidate = variant(rollout, spec, query, TrafficSimulator.CANDIDATE);
      PeriodSeries baseline =
          spec.hasVariants() ? variant(rollout, spec, query, TrafficSimulator.BASELINE) : null;
      readings.put(spec.name(), new SeriesReading.Periods(candidate, baseline));
    }
    return readings;
  }

  private PeriodSeries variant(
      Rollout rollout, MetricSpec spec, SeriesQuery query, String variant) {
    MetricProfile profile = MetricProfile.of(rollout.plan(), spec);
    long bucket = query.range().period().toSeconds();
    long from = query.range().from().getEpochSecond();
    int size = Math.toIntExact(query.range().points());
    long[] starts = new long[size];
    double[] values = new double[size];
    double[] counts = new double[size];
    int filled = 0;
    for (int i = 0; i < size; i++) {
      double[] period = bucket(rollout, spec, profile, query, variant, from + i * bucket);
      if (period[1] > 0) {
        starts[filled] = from + i * bucket;
        values[filled] = period[0];
        counts[filled++] = period[1];
      }
    }
    return new PeriodSeries(
        Arrays.copyOf(starts, filled),
        Arrays.copyOf(values, filled),
        Arrays.copyOf(counts, filled));
  }

  /** The value and the requests of one range period, from the metric's own periods in it. */
  private double[] bucket(
      Rollout rollout,
      MetricSpec spec,
      MetricProfile profile,
      SeriesQuery query,
      String variant,
      long start) {
    Plan plan = rollout.plan();
    long step = spec.period().toSeconds();
    long end = start + query.range().period().toSeconds();
    double sum = 0;
    double weighted = 0;
    double requests = 0;
    for (long s = start; s < end; s += step) {
      int phase = query.exposure().phaseAt(Instant.ofEpochSecond(s));
      TrafficSimulator.Conditions conditions = TrafficSimulator.Conditions.at(plan, phase, faults);
      double share =
          variant.equals(TrafficSimulator.CANDIDATE) ? conditions.share() : 1 - conditions.share();
      double mean = TrafficSimulator.REQUESTS_PER_MINUTE * step / 60.0 * share;
      long count =
          Noise.poisson(
              simulator.random(rollout.id(), TrafficSimulator.REQUESTS, variant, s), mean);
      if (count == 0) {
        continue;
      }
      double value =
          SimulatedWindow.draw(
              profile,
              simulator.random(rollout.id(), spec.name(), variant, s),
              count,
              conditions,
              variant);
      sum += value;
      weighted += value * count;
      requests += count;
    }
    boolean adds =
        profile.kind() == MetricProfile.Kind.RATIO || profile.kind() == MetricProfile.Kind.COUNT;
    return new double[] {adds ? sum : weighted / requests, requests};
  }
}

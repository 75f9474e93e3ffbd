package dev.flightplan.cli.local;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Exposure;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.simulate.LookbackPeriods;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Metrics of a service that runs a candidate next to its baseline, made up per period: requests
 * split by the rollout's current exposure, errors and latency with realistic noise, and the
 * injected {@link Fault}s once their phase is reached. Each period's draws are seeded by the seed,
 * rollout, metric, variant and period start, so a run repeats exactly; what the service looked like
 * in a period is remembered from the tick that saw it.
 */
public final class TrafficSimulator implements MetricsSource {
  /** Requests per minute across both variants. */
  static final double REQUESTS_PER_MINUTE = 20_000;

  /** Share of the traffic from each audience of a ring (employees, beta testers…). */
  static final double AUDIENCE_SHARE = 0.01;

  static final String CANDIDATE = "candidate";
  static final String BASELINE = "baseline";

  private final long seed;
  private final List<Fault> faults;
  private final Map<String, NavigableMap<Instant, Conditions>> seen = new ConcurrentHashMap<>();

  public TrafficSimulator(long seed, List<Fault> faults) {
    this.seed = seed;
    this.faults = List.copyOf(faults);
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<String, Observations> result = new HashMap<>();
    for (Rollout rollout : rollouts) {
      NavigableMap<Instant, Conditions> history =
          seen.computeIfAbsent(rollout.id(), id -> new ConcurrentSkipListMap<>());
      history.put(now, Conditions.of(rollout, faults));
      Map<String, MetricReading> readings = new HashMap<>();
      for (MetricSpec spec : rollout.plan().metrics().values()) {
        MetricProfile profile = MetricProfile.of(rollout.plan(), spec);
        readings.put(spec.name(), reading(rollout.id(), spec, profile, history, now));
      }
      result.put(rollout.id(), new Observations(now, readings));
    }
    return result;
  }

  private MetricReading reading(
      String id,
      MetricSpec spec,
      MetricProfile profile,
      NavigableMap<Instant, Conditions> history,
      Instant now) {
    LookbackPeriods periods = LookbackPeriods.of(spec, now);
    VariantSample candidate = sample(id, spec, profile, history, periods, CANDIDATE);
    if (candidate.samples() == 0) {
      return new MetricReading.Missing("no candidate traffic in the lookback");
    }
    VariantSample baseline =
        spec.hasVariants() ? sample(id, spec, profile, history, periods, BASELINE) : null;
    return new MetricReading.Values(candidate, baseline);
  }

  private VariantSample sample(
      String id,
      MetricSpec spec,
      MetricProfile profile,
      NavigableMap<Instant, Conditions> history,
      LookbackPeriods periods,
      String variant) {
    SimulatedLookback lookback = new SimulatedLookback(spec, profile);
    for (Instant start : periods.starts()) {
      Map.Entry<Instant, Conditions> at = history.floorEntry(start);
      Conditions conditions = at != null ? at.getValue() : history.firstEntry().getValue();
      Random requestsRandom = random(id, "requests", variant, start);
      double share = variant.equals(CANDIDATE) ? conditions.share() : 1 - conditions.share();
      long requests =
          Noise.poisson(requestsRandom, REQUESTS_PER_MINUTE * periods.minutes() * share);
      lookback.add(random(id, spec.name(), variant, start), requests, conditions, variant);
    }
    return lookback.sample();
  }

  private Random random(String id, String metric, String variant, Instant start) {
    return new Random(seed * 0x9E3779B97F4A7C15L + Objects.hash(id, metric, variant, start));
  }

  /** The candidate's share of traffic and the faults in force, as seen at one tick. */
  record Conditions(double share, double errorRate, double latencyFactor) {
    static Conditions of(Rollout rollout, List<Fault> faults) {
      double errorRate = Double.NaN;
      double latencyFactor = 1;
      for (Fault fault : faults) {
        if (active(rollout, fault)) {
          switch (fault.kind()) {
            case ERROR_RATE -> errorRate = fault.amount();
            case LATENCY -> latencyFactor = fault.amount();
          }
        }
      }
      return new Conditions(share(rollout), errorRate, latencyFactor);
    }

    /** Candidate traffic is proportional to exposure: the percent plus the ring's audiences. */
    static double share(Rollout rollout) {
      Exposure exposure = rollout.plan().exposureAt(rollout.state().desiredPhase());
      double percent = exposure.basisPoints() / (double) Exposure.ALL;
      double audiences = Math.min(1, AUDIENCE_SHARE * exposure.audiences().size());
      return percent + (1 - percent) * audiences;
    }

    private static boolean active(Rollout rollout, Fault fault) {
      int phase = rollout.state().desiredPhase();
      for (int i = 0; i <= phase; i++) {
        if (rollout.plan().phases().get(i).name().equals(fault.phase())) {
          return true;
        }
      }
      return false;
    }
  }
}

package dev.flightplan.cli.local;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.ExposureEvidence;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.series.SeriesQuery;
import dev.flightplan.core.series.SeriesReading;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.evaluation.Exposure;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Metrics of a service that runs a candidate next to its baseline, made up per period: requests
 * split by the rollout's current exposure, errors and latency with realistic noise, and the
 * injected {@link Fault}s once their phase is reached. Each metric is read over its {@link
 * EvidenceWindow}, whose periods all lie at the current exposure, so they are drawn under today's
 * conditions; a retried rollout starts from fresh evidence. Every period's draws come from their
 * own stream ({@link DrawSeeds}: seed, rollout, metric, variant and period start), so a run repeats
 * exactly and consecutive periods are independent.
 */
public final class TrafficSimulator implements MetricsSource {
  /** Requests per minute across both variants: even a 1 % ring sees a thousand a minute. */
  static final double REQUESTS_PER_MINUTE = 100_000;

  /** Share of the traffic from each audience of a ring (employees, beta testers…). */
  static final double AUDIENCE_SHARE = 0.01;

  static final String CANDIDATE = "candidate";
  static final String BASELINE = "baseline";
  static final String REQUESTS = "requests";

  private final long seed;
  private final List<Fault> faults;

  public TrafficSimulator(long seed, List<Fault> faults) {
    this.seed = seed;
    this.faults = List.copyOf(faults);
  }

  @Override
  public Map<String, Observations> observe(List<Rollout> rollouts, Instant now) {
    Map<String, Observations> result = new HashMap<>();
    for (Rollout rollout : rollouts) {
      ExposureEvidence exposure = ExposureEvidence.of(rollout);
      Conditions conditions = Conditions.of(rollout, faults);
      Map<String, MetricReading> readings = new HashMap<>();
      for (MetricSpec spec : rollout.plan().metrics().values()) {
        EvidenceWindow window = exposure.window(spec, now);
        readings.put(
            spec.name(),
            window.isEmpty() ? exposure.notYet(spec) : reading(rollout, spec, conditions, window));
      }
      result.put(rollout.id(), new Observations(now, readings));
    }
    return result;
  }

  /** Every period of the range drawn as the gates drew it, under the exposure of its time. */
  @Override
  public Map<String, SeriesReading> series(Rollout rollout, SeriesQuery query) {
    return new SimulatedSeries(this, faults).read(rollout, query);
  }

  private MetricReading reading(
      Rollout rollout, MetricSpec spec, Conditions conditions, EvidenceWindow window) {
    MetricProfile profile = MetricProfile.of(rollout.plan(), spec);
    VariantSample candidate = sample(rollout.id(), spec, profile, conditions, window, CANDIDATE);
    if (candidate.samples() == 0) {
      return new MetricReading.Missing(
          "no candidate traffic in " + ExposureEvidence.span(window, spec));
    }
    VariantSample baseline =
        spec.hasVariants()
            ? sample(rollout.id(), spec, profile, conditions, window, BASELINE)
            : null;
    return new MetricReading.Values(candidate, baseline);
  }

  private VariantSample sample(
      String id,
      MetricSpec spec,
      MetricProfile profile,
      Conditions conditions,
      EvidenceWindow window,
      String variant) {
    long period = spec.period().toSeconds();
    double share = variant.equals(CANDIDATE) ? conditions.share() : 1 - conditions.share();
    double mean = REQUESTS_PER_MINUTE * period / 60.0 * share;
    SimulatedWindow periods =
        new SimulatedWindow(spec, profile, Math.toIntExact(window.seconds() / period));
    for (long start = window.from().getEpochSecond();
        start < window.to().getEpochSecond();
        start += period) {
      long requests = Noise.poisson(random(id, REQUESTS, variant, start), mean);
      periods.add(start, random(id, spec.name(), variant, start), requests, conditions, variant);
    }
    return periods.sample();
  }

  /** The draws of one rollout, metric (or {@link #REQUESTS}), variant and period. */
  RandomGenerator random(String id, String metric, String variant, long periodStart) {
    return DrawSeeds.stream(seed, id, metric, variant, periodStart);
  }

  /** The candidate's share of traffic and the faults in force at the current exposure. */
  record Conditions(double share, double errorRate, double latencyFactor) {
    static Conditions of(Rollout rollout, List<Fault> faults) {
      return at(rollout.plan(), rollout.state().desiredPhase(), faults);
    }

    /** The conditions while phase {@code phase} (-1: none) was exposed. */
    static Conditions at(Plan plan, int phase, List<Fault> faults) {
      double errorRate = Double.NaN;
      double latencyFactor = 1;
      for (Fault fault : faults) {
        if (active(plan, phase, fault)) {
          switch (fault.kind()) {
            case ERROR_RATE -> errorRate = fault.amount();
            case LATENCY -> latencyFactor = fault.amount();
          }
        }
      }
      return new Conditions(share(plan, phase), errorRate, latencyFactor);
    }

    /** Candidate traffic is proportional to exposure: the percent plus the ring's audiences. */
    static double share(Plan plan, int phase) {
      if (phase < 0) {
        return 0;
      }
      Exposure exposure = plan.exposureAt(phase);
      double percent = exposure.basisPoints() / (double) Exposure.ALL;
      double audiences = Math.min(1, AUDIENCE_SHARE * exposure.audiences().size());
      return percent + (1 - percent) * audiences;
    }

    private static boolean active(Plan plan, int phase, Fault fault) {
      for (int i = 0; i <= phase; i++) {
        if (plan.phases().get(i).name().equals(fault.phase())) {
          return true;
        }
      }
      return false;
    }
  }
}

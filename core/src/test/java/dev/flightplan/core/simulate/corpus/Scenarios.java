package dev.flightplan.core.simulate.corpus;

import dev.flightplan.core.simulate.Trace;
import java.util.List;

/**
 * The labelled corpus: each trace with what it holds. Minutes count from the trace's first; with
 * the shared plan ({@link #PLAN}: phases of 20 minutes) a healthy rollout is at {@code one} from
 * minute 0, {@code ten} from 20, {@code half} from 40 and {@code all} from 60. Traffic is per
 * variant and does not follow the exposure.
 */
final class Scenarios {
  static final String PLAN = "corpus-plan.yaml";

  /** When the phase {@code half} begins in a healthy run. */
  static final int HALF_STARTS = 40;

  static final int GAP_FROM = 10;
  static final int GAP_MINUTES = 10;
  static final int OUTAGE_FROM = 28;
  static final int OUTAGE_MINUTES = 8;
  static final int ERROR_STEP_FROM = 28;
  static final int RAMP_FROM = 25;
  static final int RAMP_MINUTES = 30;
  static final int LATENCY_STEP_FROM = HALF_STARTS;

  private static final Conditions STEADY = new Conditions(300, 0.01, 180);

  private Scenarios() {}

  static List<Scenario> all() {
    return List.of(
        healthyLowTraffic(),
        healthyHighErrorRate(),
        healthyDrift(),
        dataGaps(),
        sharedOutage(),
        noisyLatency(),
        errorStep(),
        latencyRamp(),
        latencyStepAtPhaseStart());
  }

  /** 15 requests a minute per variant, 1 % errors in both. */
  static Scenario healthyLowTraffic() {
    Conditions low = new Conditions(15, 0.01, 180);
    return new Scenario(
        "healthy-low-traffic", PLAN, 90, 101, Noise.PLAIN, (m, v) -> low, m -> false);
  }

  /** 5 % errors in both, the rate wandering from minute to minute. */
  static Scenario healthyHighErrorRate() {
    Conditions high = new Conditions(100, 0.05, 180);
    return new Scenario(
        "healthy-high-error-rate",
        PLAN,
        90,
        202,
        new Noise(0.3, false),
        (m, v) -> high,
        m -> false);
  }

  /**
   * A diurnal traffic curve (60 to 340 a minute over a two-hour "day"), with errors (0.5 % to 1.5
   * %) and latency (140 to 260 ms) rising and falling with it in both variants.
   */
  static Scenario healthyDrift() {
    Scenario.Profile day =
        (m, v) -> {
          double load = StrictMath.sin(2 * StrictMath.PI * (m - 30) / 120.0);
          return new Conditions(200 + 140 * load, 0.01 + 0.005 * load, 200 + 60 * load);
        };
    return new Scenario("healthy-drift", PLAN, 100, 303, new Noise(0.1, false), day, m -> false);
  }

  /**
   * Minutes without data in both variants: every minute with a remainder of 6 when divided by 17,
   * and a hole of {@link #GAP_MINUTES} ending where the first phase's bake ends.
   */
  static Scenario dataGaps() {
    Conditions steady = new Conditions(100, 0.01, 180);
    return new Scenario(
        "data-gaps",
        PLAN,
        100,
        404,
        Noise.PLAIN,
        (m, v) -> steady,
        m -> m % 17 == 6 || (m >= GAP_FROM && m < GAP_FROM + GAP_MINUTES));
  }

  /** An outage hits both variants alike: 25 % errors for {@link #OUTAGE_MINUTES} minutes. */
  static Scenario sharedOutage() {
    Scenario.Profile outage =
        (m, v) ->
            m >= OUTAGE_FROM && m < OUTAGE_FROM + OUTAGE_MINUTES
                ? STEADY.withErrorRate(0.25)
                : STEADY;
    return new Scenario("shared-outage", PLAN, 90, 505, Noise.PLAIN, outage, m -> false);
  }

  /** Heavy-tailed p95 latency, the same distribution in both variants. */
  static Scenario noisyLatency() {
    return new Scenario(
        "noisy-latency", PLAN, 90, 606, new Noise(0, true), (m, v) -> STEADY, m -> false);
  }

  /** The candidate's error rate triples from minute {@link #ERROR_STEP_FROM}, mid-phase. */
  static Scenario errorStep() {
    Scenario.Profile step =
        (m, v) -> candidateFrom(m, v, ERROR_STEP_FROM) ? STEADY.withErrorsTimes(3) : STEADY;
    return new Scenario("error-step", PLAN, 70, 707, Noise.PLAIN, step, m -> false);
  }

  /** The candidate's latency grows from 1× to 3× over {@link #RAMP_MINUTES} minutes. */
  static Scenario latencyRamp() {
    Scenario.Profile ramp =
        (m, v) -> candidateFrom(m, v, RAMP_FROM) ? STEADY.withLatencyTimes(rampFactor(m)) : STEADY;
    return new Scenario("latency-ramp", PLAN, 80, 808, Noise.PLAIN, ramp, m -> false);
  }

  /** How much slower the ramp's candidate is in minute {@code m}. */
  static double rampFactor(int m) {
    return 1 + 2.0 * Math.min(1, Math.max(0, m - RAMP_FROM) / (double) RAMP_MINUTES);
  }

  /** The candidate's latency triples from the minute the phase {@code half} begins. */
  static Scenario latencyStepAtPhaseStart() {
    Scenario.Profile step =
        (m, v) -> candidateFrom(m, v, LATENCY_STEP_FROM) ? STEADY.withLatencyTimes(3) : STEADY;
    return new Scenario(
        "latency-step-at-phase-start", PLAN, 80, 909, Noise.PLAIN, step, m -> false);
  }

  private static boolean candidateFrom(int minute, String variant, int from) {
    return variant.equals(Trace.CANDIDATE) && minute >= from;
  }
}

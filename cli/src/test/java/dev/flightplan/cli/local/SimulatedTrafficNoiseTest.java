package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated traffic is random the way a real service is: consecutive minutes are independent,
 * so noise averages out over a window instead of piling up on one side of a threshold.
 */
class SimulatedTrafficNoiseTest {
  static final Plan PLAN = PlanReader.read(Demo.planText());
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final int MINUTES = 1_000;

  @Test
  void consecutiveMinutesFirstDrawsAreUncorrelated() {
    TrafficSimulator simulator = new TrafficSimulator(7, List.of());
    double[] candidate = new double[MINUTES];
    double[] baseline = new double[MINUTES];
    for (int m = 0; m < MINUTES; m++) {
      long start = T0.getEpochSecond() + 60L * m;
      candidate[m] = simulator.random(PLAN.id(), "error_rate", "candidate", start).nextDouble();
      baseline[m] = simulator.random(PLAN.id(), "error_rate", "baseline", start).nextDouble();
    }

    assertThat(lag1(candidate)).isBetween(-0.1, 0.1);
    assertThat(correlation(candidate, baseline)).isBetween(-0.1, 0.1);
    assertThat(mean(candidate)).isBetween(0.45, 0.55);
  }

  @Test
  void aOnePercentErrorRateAveragesToOnePercentMinuteAfterMinute() {
    // The internal ring (1 % of traffic, about 1,000 requests a minute) failing 1 % of them.
    TrafficSimulator simulator =
        new TrafficSimulator(7, List.of(Fault.parse("error-rate=1%@internal")));
    double[] rates = new double[MINUTES];
    double errors = 0;
    double requests = 0;
    for (int m = 0; m < MINUTES; m++) {
      PeriodSeries last = lastPeriod(simulator, T0.plus(Duration.ofMinutes(m + 1)));
      errors += last.values()[0];
      requests += last.counts()[0];
      rates[m] = last.values()[0] / last.counts()[0];
    }

    double rate = errors / requests;
    double standardError = Math.sqrt(0.01 * 0.99 / requests);
    double perMinute = TrafficSimulator.REQUESTS_PER_MINUTE * TrafficSimulator.AUDIENCE_SHARE;
    assertThat(requests / MINUTES).isBetween(0.95 * perMinute, 1.05 * perMinute);
    assertThat(rate).isBetween(0.01 - 4 * standardError, 0.01 + 4 * standardError);
    assertThat(lag1(rates)).isBetween(-0.1, 0.1);
  }

  @Test
  void lookbacksOfAHealthyRingVaryAsIndependentMinutesDo() {
    // A healthy candidate at 1 % exposure: whole lookbacks of a thousand requests a minute.
    TrafficSimulator simulator = new TrafficSimulator(7, List.of());
    Duration lookback = PLAN.metrics().get("error_rate").lookback();
    int windows = 200;
    double[] errors = new double[windows];
    double requests = 0;
    for (int w = 0; w < windows; w++) {
      Instant now = T0.plus(lookback.multipliedBy(w + 1));
      var values =
          (MetricReading.Values)
              simulator.observe(List.of(internal()), now).get(PLAN.id()).get("error_rate");
      errors[w] = values.candidate().numerator();
      requests += values.candidate().denominator();
    }

    // Poisson counts: the variance equals the mean. Minutes that moved together would inflate the
    // variance of their sum many times over, and one side of a threshold would hold for long runs.
    double mean = mean(errors);
    double level = MetricProfile.of(PLAN, PLAN.metrics().get("error_rate")).level();
    assertThat(mean / (requests / windows)).isBetween(0.9 * level, 1.1 * level);
    assertThat(variance(errors)).isBetween(0.6 * mean, 1.5 * mean);
  }

  private static PeriodSeries lastPeriod(TrafficSimulator simulator, Instant now) {
    var reading =
        (MetricReading.Values)
            simulator.observe(List.of(internal()), now).get(PLAN.id()).get("error_rate");
    PeriodSeries periods = reading.candidate().periods();
    int last = periods.size() - 1;
    return new PeriodSeries(
        new long[] {periods.starts()[last]},
        new double[] {periods.values()[last]},
        new double[] {periods.counts()[last]});
  }

  /** The first phase, the internal ring, begun long before T0. */
  static Rollout internal() {
    RolloutState state =
        RolloutState.draft(T0).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(T0.minus(Duration.ofDays(1)))
            .build();
    return new Rollout(PLAN, state, 1);
  }

  static double lag1(double[] x) {
    double[] head = new double[x.length - 1];
    double[] tail = new double[x.length - 1];
    System.arraycopy(x, 0, head, 0, head.length);
    System.arraycopy(x, 1, tail, 0, tail.length);
    return correlation(head, tail);
  }

  static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  static double variance(double[] x) {
    double m = mean(x);
    double sum = 0;
    for (double v : x) {
      sum += (v - m) * (v - m);
    }
    return sum / (x.length - 1);
  }
}

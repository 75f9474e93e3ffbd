package dev.flightplan.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.simulate.Trace;
import dev.flightplan.core.simulate.TracePoint;
import java.time.Instant;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.descriptive.Median;
import org.junit.jupiter.api.Test;

class SyntheticTrafficTest {
  private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  void theSameSeedGivesTheSameTrace() {
    TrafficProfile traffic = new TrafficProfile(100, 0.01);

    Trace first = SyntheticTraffic.generate(traffic, Regression.NONE, START, 30, random(7));
    Trace second = SyntheticTraffic.generate(traffic, Regression.NONE, START, 30, random(7));
    Trace other = SyntheticTraffic.generate(traffic, Regression.NONE, START, 30, random(8));

    for (String metric : first.metrics()) {
      assertThat(first.series(metric, Trace.CANDIDATE))
          .isEqualTo(second.series(metric, Trace.CANDIDATE));
    }
    assertThat(first.series(SyntheticTraffic.REQUESTS, Trace.CANDIDATE))
        .isNotEqualTo(other.series(SyntheticTraffic.REQUESTS, Trace.CANDIDATE));
  }

  @Test
  void everyMinuteHasAnErrorsRowForBothVariantsEvenWithNoErrors() {
    Trace trace =
        SyntheticTraffic.generate(
            new TrafficProfile(10, 0.001), Regression.NONE, START, 120, random(1));

    for (String variant : new String[] {Trace.CANDIDATE, Trace.BASELINE}) {
      NavigableMap<Instant, TracePoint> errors = trace.series(SyntheticTraffic.ERRORS, variant);
      assertThat(errors).hasSize(120);
      assertThat(errors.values()).extracting(TracePoint::value).contains(0.0);
      assertThat(trace.series(SyntheticTraffic.REQUESTS, variant)).hasSize(120);
    }
  }

  @Test
  void requestsArePoissonAndErrorsBinomialGivenTheRequests() {
    double rate = 200;
    double errorRate = 0.05;
    Trace trace =
        SyntheticTraffic.generate(
            new TrafficProfile(rate, errorRate), Regression.NONE, START, 20_000, random(2));

    double[] requests = values(trace, SyntheticTraffic.REQUESTS, Trace.BASELINE);
    double[] errors = values(trace, SyntheticTraffic.ERRORS, Trace.BASELINE);
    // Poisson: mean and variance both the rate. Thinned: errors Poisson with mean rate·p.
    assertThat(mean(requests)).isCloseTo(rate, within(0.5));
    assertThat(variance(requests)).isCloseTo(rate, within(rate * 0.05));
    assertThat(mean(errors)).isCloseTo(rate * errorRate, within(0.15));
    assertThat(variance(errors)).isCloseTo(rate * errorRate, within(rate * errorRate * 0.05));
    assertThat(Arrays.stream(errors).sum() / Arrays.stream(requests).sum())
        .isCloseTo(errorRate, within(0.001));
  }

  @Test
  void theP95OfManyRequestsIsCloseTo120MillisecondsAndNoisierWithFewRequests() {
    double[] busy = p95s(10_000);
    double[] quiet = p95s(10);

    assertThat(Median.withDefaults().evaluate(busy))
        .isCloseTo(SyntheticTraffic.LATENCY_P95_MILLIS, within(2.0));
    assertThat(spread(quiet)).isGreaterThan(3 * spread(busy));
  }

  @Test
  void aRegressionChangesOnlyTheCandidateAndOnlyFromItsOnset() {
    TrafficProfile traffic = new TrafficProfile(10_000, 0.01);
    Regression latency = new Regression(Regression.Kind.LATENCY, 2, 30);
    Regression errors = new Regression(Regression.Kind.ERROR_RATE, 3, 30);

    Trace slow = SyntheticTraffic.generate(traffic, latency, START, 60, random(3));
    Trace failing = SyntheticTraffic.generate(traffic, errors, START, 60, random(3));

    double[] slowCandidate = values(slow, SyntheticTraffic.LATENCY, Trace.CANDIDATE);
    double[] slowBaseline = values(slow, SyntheticTraffic.LATENCY, Trace.BASELINE);
    assertThat(mean(slice(slowCandidate, 0, 30)) / mean(slice(slowBaseline, 0, 30)))
        .isCloseTo(1, within(0.03));
    assertThat(mean(slice(slowCandidate, 30, 60)) / mean(slice(slowBaseline, 30, 60)))
        .isCloseTo(2, within(0.06));
    assertThat(errorShare(failing, Trace.CANDIDATE, 0, 30)).isCloseTo(0.01, within(0.001));
    assertThat(errorShare(failing, Trace.CANDIDATE, 30, 60)).isCloseTo(0.03, within(0.002));
    assertThat(errorShare(failing, Trace.BASELINE, 30, 60)).isCloseTo(0.01, within(0.001));
  }

  @Test
  void theTraceUsesTheMetricNamesOfThePlanUnderTest() {
    MetricSpec errorRate = ReportPlan.load().plan().metrics().get("error_rate");
    MetricSpec latency = ReportPlan.load().plan().metrics().get("latency_p95");

    assertThat(errorRate.ratio().numerator()).isEqualTo(SyntheticTraffic.ERRORS);
    assertThat(errorRate.ratio().denominator()).isEqualTo(SyntheticTraffic.REQUESTS);
    assertThat(latency.metric()).isEqualTo(SyntheticTraffic.LATENCY);
    assertThat(latency.stat()).isEqualTo("p95");
    assertThat(errorRate.hasVariants()).isTrue();
    assertThat(latency.hasVariants()).isTrue();
  }

  private static double[] p95s(long requests) {
    UniformRandomProvider random = random(4);
    double[] values = new double[4_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = SyntheticTraffic.p95Millis(requests, random);
    }
    return values;
  }

  private static double errorShare(Trace trace, String variant, int from, int to) {
    double errors =
        Arrays.stream(slice(values(trace, SyntheticTraffic.ERRORS, variant), from, to)).sum();
    double requests =
        Arrays.stream(slice(values(trace, SyntheticTraffic.REQUESTS, variant), from, to)).sum();
    return errors / requests;
  }

  private static double[] values(Trace trace, String metric, String variant) {
    return trace.series(metric, variant).values().stream().mapToDouble(TracePoint::value).toArray();
  }

  private static double[] slice(double[] values, int from, int to) {
    return Arrays.copyOfRange(values, from, to);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  private static double variance(double[] values) {
    double mean = mean(values);
    return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
  }

  /** Standard deviation of the log: the relative spread. */
  private static double spread(double[] values) {
    return Math.sqrt(variance(Arrays.stream(values).map(Math::log).toArray()));
  }

  private static UniformRandomProvider random(long seed) {
    return new SplittableRandom(seed)::nextLong;
  }
}

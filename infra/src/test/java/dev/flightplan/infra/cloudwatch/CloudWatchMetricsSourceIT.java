package dev.flightplan.infra.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightplan.core.gate.GateEvaluator;
import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The source against a real GetMetricData server (moto), with datapoints written by PutMetricData.
 * moto does no period alignment and ignores the namespace when dimensions are given; aligned
 * queries and distinct dimensions make both harmless. Percentiles are not served by moto: see
 * {@link CloudWatchPercentileTest}.
 */
class CloudWatchMetricsSourceIT {
  private final LocalAws aws = LocalAws.get();
  private final CloudWatchClient cloudWatch = aws.clients().cloudWatch();
  private final MetricWriter writer = new MetricWriter(cloudWatch);
  private final CloudWatchMetricsSource source = new CloudWatchMetricsSource(cloudWatch);

  /** Half a minute past a whole minute: the window is the ten whole minutes before it. */
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);

  private final Instant windowStart = now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(600);

  @BeforeEach
  void reset() {
    aws.resetMoto();
  }

  @Test
  void aRatioIsTheSummedNumeratorOverTheSummedDenominatorPerVariant() {
    for (int i = 0; i < 10; i++) {
      Instant t = minute(i);
      counter("Invocations", "candidate", t, 100);
      counter("Errors", "candidate", t, i < 5 ? 10 : 0);
      counter("Invocations", "baseline", t, 200);
      counter("Errors", "baseline", t, 2);
    }
    counter("Invocations", "candidate", minute(10), 9_999); // the unfinished minute: left out
    counter("Invocations", "candidate", minute(-21), 9_999); // before the 30m lookback: left out
    writer.flush();

    var values = values(TestRollouts.rollout("ratio", TestRollouts.ERROR_RATE), "error_rate");

    VariantSample candidate = values.candidate();
    assertThat(candidate.numerator()).isEqualTo(50);
    assertThat(candidate.denominator()).isEqualTo(1_000);
    assertThat(candidate.value()).isEqualTo(0.05);
    assertThat(candidate.samples()).isEqualTo(1_000);
    assertThat(candidate.points()).containsExactly(0.1, 0.1, 0.1, 0.1, 0.1, 0, 0, 0, 0, 0);
    assertThat(values.baseline().value()).isEqualTo(0.01);
    assertThat(values.baseline().samples()).isEqualTo(2_000);
    assertThat(values.baseline().points()).hasSize(10).containsOnly(0.01);
  }

  @Test
  void anAverageWeighsEveryPeriodByItsSampleCount() {
    for (int i = 0; i < 10; i++) {
      Map<String, String> candidate = MetricWriter.dims("Variant", "candidate");
      if (i < 5) {
        writer.values(
            "Search", "QualityScore", candidate, minute(i), List.of(0.8, 0.9), List.of(3.0, 1.0));
      } else {
        writer.values("Search", "QualityScore", candidate, minute(i), List.of(0.5), List.of(12.0));
      }
      writer.statistics(
          "Search", "QualityScore", MetricWriter.dims("Variant", "baseline"), minute(i), 9, 10);
    }
    writer.flush();
    String quality =
        "metrics:\n  quality: { namespace: Search, metric: QualityScore, stat: Average,"
            + " dimensions: { Variant: \"${variant}\" } }\n";

    var values = values(TestRollouts.rollout("avg", quality), "quality");

    // (5 × (0.8·3 + 0.9·1) + 5 × 0.5·12) / (5·4 + 5·12); the mean of period averages would be
    // 0.6625.
    assertThat(values.candidate().value()).isCloseTo(0.58125, within(1e-9));
    assertThat(values.candidate().samples()).isEqualTo(80);
    assertThat(values.candidate().points()).hasSize(10);
    assertThat(values.candidate().points()[0]).isCloseTo(0.825, within(1e-9));
    assertThat(values.candidate().points()[9]).isCloseTo(0.5, within(1e-9));
    assertThat(values.baseline().value()).isCloseTo(0.9, within(1e-9));
    assertThat(values.baseline().samples()).isEqualTo(100);
  }

  @Test
  void aLambdaAliasReadsTheExecutedVersionsOfItsCandidateAndStable() {
    for (int i = 0; i < 10; i++) {
      lambda("Invocations", "42", minute(i), 50);
      lambda("Errors", "42", minute(i), 5);
      lambda("Invocations", "41", minute(i), 950);
      lambda("Errors", "41", minute(i), 1);
    }
    writer.flush();
    String errors =
        "metrics:\n  errors:\n    ratio: { numerator: Errors, denominator: Invocations }\n"
            + "    namespace: AWS/Lambda\n"
            + "    dimensions: { FunctionName: search-api, Resource: \"search-api:live\","
            + " ExecutedVersion: \"${variant}\" }\n";
    Rollout rollout = TestRollouts.rollout("alias", TestRollouts.ALIAS_TARGET, errors);

    var values = values(rollout, "errors");

    assertThat(values.candidate().value()).isEqualTo(0.1);
    assertThat(values.candidate().samples()).isEqualTo(500);
    assertThat(values.baseline().numerator()).isEqualTo(10);
    assertThat(values.baseline().denominator()).isEqualTo(9_500);
  }

  @Test
  void aMetricWithoutDatapointsIsMissing() {
    counter("Invocations", "baseline", minute(3), 100);
    counter("Errors", "baseline", minute(3), 1);
    writer.flush();
    String silent =
        "metrics:\n  silent: { namespace: Search, metric: NeverPublished, stat: Sum }\n";

    Map<String, Observations> observed =
        source.observe(
            List.of(
                TestRollouts.rollout("silent", silent),
                TestRollouts.rollout("baseline-only", TestRollouts.ERROR_RATE)),
            now);

    assertThat(observed.get("silent").get("silent")).isInstanceOf(MetricReading.Missing.class);
    assertThat(observed.get("baseline-only").get("error_rate"))
        .isInstanceOfSatisfying(
            MetricReading.Missing.class, m -> assertThat(m.detail()).contains("candidate"));
  }

  @Test
  void aRatioWhoseNumeratorNameIsWrongHoldsItsGateAndSaysWhatToCheck() {
    for (int i = 0; i < 10; i++) {
      counter("Invocations", "candidate", minute(i), 100);
      counter("Invocations", "baseline", minute(i), 200);
      counter("5xx_errors", "candidate", minute(i), 3);
    }
    writer.flush();
    String misnamed =
        TestRollouts.ERROR_RATE.replace("numerator: Errors", "numerator: 5xxErrors")
            + "gates: [{ metric: error_rate, op: \">\", threshold: 5%, action: rollback }]\n";
    Rollout rollout = TestRollouts.rollout("misnamed", misnamed);
    Rollout zero =
        TestRollouts.rollout(
            "zero", misnamed.replace("    unit: percent\n", "    numeratorAbsent: zero\n"));

    Map<String, Observations> observed = source.observe(List.of(rollout, zero), now);

    MetricReading reading = observed.get("misnamed").get("error_rate");
    GateResult gate =
        GateEvaluator.evaluate(rollout.plan().gates().get(0), reading, MetricSpec.Unit.PERCENT);
    assertThat(gate.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(gate.message())
        .isEqualTo(
            "error_rate: no data (numerator 5xxErrors has no datapoints in either variant while"
                + " Invocations has 3,000 requests; check the metric name and dimensions, or set"
                + " numeratorAbsent: zero if the source publishes no zero counts), holding");
    MetricReading asZero = observed.get("zero").get("error_rate");
    assertThat(asZero).isInstanceOf(MetricReading.Values.class);
    assertThat(((MetricReading.Values) asZero).candidate().value()).isZero();
    assertThat(((MetricReading.Values) asZero).candidate().samples()).isEqualTo(1_000);
  }

  private MetricReading.Values values(Rollout rollout, String metric) {
    MetricReading reading = source.observe(List.of(rollout), now).get(rollout.id()).get(metric);
    assertThat(reading).isInstanceOf(MetricReading.Values.class);
    return (MetricReading.Values) reading;
  }

  private void counter(String metric, String variant, Instant at, double sum) {
    writer.statistics(
        "Search",
        metric,
        MetricWriter.dims("Service", "search", "Variant", variant),
        at,
        sum,
        samples(sum));
  }

  private void lambda(String metric, String version, Instant at, double sum) {
    Map<String, String> dims =
        MetricWriter.dims(
            "FunctionName",
            "search-api",
            "Resource",
            "search-api:live",
            "ExecutedVersion",
            version);
    writer.statistics("AWS/Lambda", metric, dims, at, sum, samples(sum));
  }

  /** A counter's SampleCount; CloudWatch takes no StatisticSet with zero samples. */
  private static double samples(double sum) {
    return Math.max(1, sum);
  }

  /** A few seconds into minute {@code i} of the window. */
  private Instant minute(int i) {
    return windowStart.plusSeconds(60L * i + 7);
  }
}

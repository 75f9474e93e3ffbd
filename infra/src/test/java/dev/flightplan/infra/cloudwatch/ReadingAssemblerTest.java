package dev.flightplan.infra.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Target;
import dev.flightplan.infra.cloudwatch.QueryKey.Part;
import dev.flightplan.infra.cloudwatch.QueryKey.Variant;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** From per-query series to one reading: aggregates over the lookback, samples and points. */
class ReadingAssemblerTest {
  private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");

  private final Map<QueryKey, Series> series = new HashMap<>();

  @Test
  void anAverageWeighsEachPeriodByItsSampleCount() {
    MetricSpec spec = spec("  q: { namespace: A, metric: Q, stat: Average }\n");
    put(spec, Variant.CANDIDATE, Part.VALUE, 0.8, 0.9);
    put(spec, Variant.CANDIDATE, Part.COUNT, 30, 10);

    var values = (MetricReading.Values) read(spec);

    assertThat(values.candidate().value()).isCloseTo((0.8 * 30 + 0.9 * 10) / 40, within(1e-12));
    assertThat(values.candidate().samples()).isEqualTo(40);
    assertThat(values.candidate().points()).containsExactly(0.8, 0.9);
    assertThat(values.baseline()).isNull();
  }

  @Test
  void minimumMaximumAndSumCombineExactly() {
    for (String stat : new String[] {"Minimum", "Maximum", "Sum"}) {
      series.clear();
      MetricSpec spec = spec("  m: { namespace: A, metric: M, stat: " + stat + " }\n");
      put(spec, Variant.CANDIDATE, Part.VALUE, 3, 7, 5);
      put(spec, Variant.CANDIDATE, Part.COUNT, 1, 1, 1);

      double expected =
          switch (stat) {
            case "Minimum" -> 3;
            case "Maximum" -> 7;
            default -> 15;
          };
      assertThat(((MetricReading.Values) read(spec)).candidate().value())
          .as(stat)
          .isEqualTo(expected);
    }
  }

  @Test
  void aRatioSumsBothSidesAndCountsAPeriodWithoutErrorsAsZero() {
    MetricSpec spec = spec(TestRollouts.ERROR_RATE.substring("metrics:\n".length()));
    put(spec, Variant.CANDIDATE, Part.NUMERATOR, 5); // only the first period had errors
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR, 100, 100);
    put(spec, Variant.BASELINE, Part.NUMERATOR, 1, 1);
    put(spec, Variant.BASELINE, Part.DENOMINATOR, 200, 200);

    var values = (MetricReading.Values) read(spec);

    assertThat(values.candidate().value()).isEqualTo(0.025);
    assertThat(values.candidate().samples()).isEqualTo(200);
    assertThat(values.candidate().points()).containsExactly(0.05, 0.0);
    assertThat(values.baseline().value()).isEqualTo(0.005);
  }

  @Test
  void noCandidateDatapointsIsMissingAndNoBaselineDatapointsLeavesTheCandidate() {
    MetricSpec spec = spec(TestRollouts.ERROR_RATE.substring("metrics:\n".length()));
    put(spec, Variant.CANDIDATE, Part.NUMERATOR);
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR);
    put(spec, Variant.BASELINE, Part.NUMERATOR, 1);
    put(spec, Variant.BASELINE, Part.DENOMINATOR, 10);

    assertThat(read(spec))
        .isInstanceOfSatisfying(
            MetricReading.Missing.class,
            m ->
                assertThat(m.detail())
                    .isEqualTo("CloudWatch has no datapoints for candidate in the last 30m"));

    put(spec, Variant.CANDIDATE, Part.NUMERATOR, 1);
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR, 10);
    put(spec, Variant.BASELINE, Part.NUMERATOR);
    put(spec, Variant.BASELINE, Part.DENOMINATOR);
    var values = (MetricReading.Values) read(spec);
    assertThat(values.candidate().value()).isEqualTo(0.1);
    assertThat(values.baseline()).isNull();
  }

  @Test
  void aNumeratorWithoutDatapointsInEitherVariantIsMissingAndNamed() {
    MetricSpec spec = spec(TestRollouts.ERROR_RATE.substring("metrics:\n".length()));
    put(spec, Variant.CANDIDATE, Part.NUMERATOR);
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR, 1000, 40);
    put(spec, Variant.BASELINE, Part.NUMERATOR);
    put(spec, Variant.BASELINE, Part.DENOMINATOR, 200);

    assertThat(read(spec))
        .isInstanceOfSatisfying(
            MetricReading.Missing.class,
            m ->
                assertThat(m.detail())
                    .startsWith(
                        "numerator Errors has no datapoints in either variant while Invocations"
                            + " has 1,240 requests;"));
  }

  @Test
  void aNumeratorWithDatapointsOnlyInTheBaselineLeavesTheCandidateAtZero() {
    MetricSpec spec = spec(TestRollouts.ERROR_RATE.substring("metrics:\n".length()));
    put(spec, Variant.CANDIDATE, Part.NUMERATOR);
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR, 1000);
    put(spec, Variant.BASELINE, Part.NUMERATOR, 2);
    put(spec, Variant.BASELINE, Part.DENOMINATOR, 200);

    var values = (MetricReading.Values) read(spec);

    assertThat(values.candidate().value()).isZero();
    assertThat(values.baseline().value()).isEqualTo(0.01);
  }

  @Test
  void numeratorAbsentZeroReadsAnAbsentNumeratorAsNoErrors() {
    MetricSpec spec =
        spec(
            TestRollouts.ERROR_RATE
                .substring("metrics:\n".length())
                .replace("unit: percent", "numeratorAbsent: zero"));
    put(spec, Variant.CANDIDATE, Part.NUMERATOR);
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR, 1000);
    put(spec, Variant.BASELINE, Part.NUMERATOR);
    put(spec, Variant.BASELINE, Part.DENOMINATOR, 200);

    var values = (MetricReading.Values) read(spec);

    assertThat(values.candidate().value()).isZero();
    assertThat(values.candidate().samples()).isEqualTo(1000);
  }

  @Test
  void oneFailedPartFailsTheWholeMetric() {
    MetricSpec spec = spec(TestRollouts.ERROR_RATE.substring("metrics:\n".length()));
    put(spec, Variant.CANDIDATE, Part.NUMERATOR, 1);
    put(spec, Variant.CANDIDATE, Part.DENOMINATOR, 10);
    put(spec, Variant.BASELINE, Part.NUMERATOR, 1);
    series.put(
        key(spec, Variant.BASELINE, Part.DENOMINATOR),
        Series.failed("CloudWatch answered Forbidden"));

    assertThat(read(spec))
        .isInstanceOfSatisfying(
            MetricReading.Failed.class,
            f -> assertThat(f.message()).isEqualTo("CloudWatch answered Forbidden"));
  }

  private MetricReading read(MetricSpec spec) {
    var variants = QueryPlanner.variants(new Target.Flag("a"), spec);
    return ReadingAssembler.reading("a", spec, variants, series);
  }

  private static MetricSpec spec(String yaml) {
    return TestRollouts.rollout("a", "metrics:\n" + yaml)
        .plan()
        .metrics()
        .values()
        .iterator()
        .next();
  }

  private void put(MetricSpec spec, Variant variant, Part part, double... values) {
    TreeMap<Instant, Double> points = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      points.put(T.plusSeconds(60L * i), values[i]);
    }
    series.put(key(spec, variant, part), Series.of(points));
  }

  private static QueryKey key(MetricSpec spec, Variant variant, Part part) {
    return new QueryKey("a", spec.name(), variant, part);
  }
}

package dev.flightplan.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.NumeratorAbsent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceMetricsSourceTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final Map<String, String> VARIANTS = Map.of("Variant", "${variant}");

  @Test
  void readsThePeriodsWhollyInsideTheLookbackEndingNow() {
    Trace.Builder trace = Trace.builder();
    for (int minute = 0; minute < 20; minute++) {
      trace.add("Latency", "candidate", at(minute), minute, TracePoint.UNKNOWN);
    }
    MetricSpec sum = plain("Sum", Duration.ofMinutes(1), Duration.ofMinutes(3));

    // At 09:10:30 the period starting 09:10 is still filling up: 09:07, 09:08, 09:09 count.
    VariantSample sample = candidate(trace.build(), sum, at(10).plusSeconds(30));

    assertThat(sample.value()).isEqualTo(7 + 8 + 9);
    assertThat(sample.points()).containsExactly(7, 8, 9);
    assertThat(sample.samples()).isEqualTo(TracePoint.UNKNOWN);
  }

  @Test
  void alignsWindowsToLongerPeriods() {
    Trace.Builder trace = Trace.builder();
    for (int minute = 0; minute < 30; minute += 5) {
      trace.add("Latency", "candidate", at(minute), 1, 10);
    }
    MetricSpec sum = plain("Sum", Duration.ofMinutes(5), Duration.ofMinutes(10));

    // 09:17 floors to 09:15: the periods of 09:05 and 09:10.
    VariantSample sample = candidate(trace.build(), sum, at(17));

    assertThat(sample.points()).hasSize(2);
    assertThat(sample.samples()).isEqualTo(20);
  }

  @Test
  void aRatioSumsNumeratorAndDenominatorPerVariant() {
    Trace trace =
        Trace.builder()
            .add("Errors", "candidate", at(0), 10, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", at(0), 1000, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", at(1), 500, TracePoint.UNKNOWN)
            .add("Errors", "baseline", at(1), 3, TracePoint.UNKNOWN)
            .add("Invocations", "baseline", at(1), 1000, TracePoint.UNKNOWN)
            .build();
    MetricSpec ratio =
        new MetricSpec(
            "error_rate",
            "Search",
            null,
            new MetricSpec.Ratio("Errors", "Invocations"),
            null,
            VARIANTS,
            Unit.PERCENT,
            MetricSpec.DEFAULT_PERIOD,
            MetricSpec.DEFAULT_LOOKBACK);

    var reading = (MetricReading.Values) new TraceMetricsSource(trace).reading(ratio, at(5));

    // A period with requests and no error row had no errors.
    assertThat(reading.candidate().isRatio()).isTrue();
    assertThat(reading.candidate().value()).isEqualTo(10 / 1500.0);
    assertThat(reading.candidate().points()).containsExactly(0.01, 0.0);
    assertThat(reading.candidate().samples()).isEqualTo(1500);
    assertThat(reading.baseline().value()).isEqualTo(0.003);
  }

  @Test
  void aRatioWhoseNumeratorHasNoRowsInEitherVariantIsMissingAndNamesIt() {
    Trace trace =
        Trace.builder()
            .add("5xx_errors", "candidate", at(0), 3, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", at(0), 1000, TracePoint.UNKNOWN)
            .add("Invocations", "baseline", at(0), 240, TracePoint.UNKNOWN)
            .build();

    MetricReading reading =
        new TraceMetricsSource(trace).reading(ratio(NumeratorAbsent.MISSING), at(5));

    assertThat(reading)
        .isInstanceOfSatisfying(
            MetricReading.Missing.class,
            missing ->
                assertThat(missing.detail())
                    .startsWith(
                        "numerator Errors has no datapoints in either variant while Invocations"
                            + " has 1,240 requests; check the metric name and dimensions"));
  }

  @Test
  void aNumeratorAbsentOnlyInTheBaselineOrInSomePeriodsCountsAsZero() {
    Trace trace =
        Trace.builder()
            .add("Errors", "candidate", at(0), 10, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", at(0), 1000, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", at(1), 1000, TracePoint.UNKNOWN)
            .add("Invocations", "baseline", at(0), 1000, TracePoint.UNKNOWN)
            .build();

    var reading =
        (MetricReading.Values)
            new TraceMetricsSource(trace).reading(ratio(NumeratorAbsent.MISSING), at(5));

    assertThat(reading.candidate().points()).containsExactly(0.01, 0.0);
    assertThat(reading.baseline().value()).isZero();
  }

  @Test
  void numeratorAbsentZeroReadsAWhollyAbsentNumeratorAsNoErrors() {
    Trace trace =
        Trace.builder()
            .add("Invocations", "candidate", at(0), 1000, TracePoint.UNKNOWN)
            .add("Invocations", "baseline", at(0), 1000, TracePoint.UNKNOWN)
            .build();

    var reading =
        (MetricReading.Values)
            new TraceMetricsSource(trace).reading(ratio(NumeratorAbsent.ZERO), at(5));

    assertThat(reading.candidate().value()).isZero();
    assertThat(reading.candidate().samples()).isEqualTo(1000);
    assertThat(reading.baseline().value()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Sum, 60, 30",
    "SampleCount, 60, 60",
    "Minimum, 10, 30",
    "Maximum, 30, 30",
    // weighted by samples: (10×5 + 20×10 + 30×15) / 30
    "Average, 23.333333, 30",
    // the mean of per-period values stands in for a percentile
    "p95, 20, 30",
  })
  void combinesPeriodsPerStatistic(String stat, double value, long samples) {
    Trace trace =
        Trace.builder()
            .add("Latency", "candidate", at(0), 10, 5)
            .add("Latency", "candidate", at(1), 20, 10)
            .add("Latency", "candidate", at(2), 30, 15)
            .build();

    VariantSample sample = candidate(trace, plain(stat, Duration.ofMinutes(1)), at(3));

    assertThat(sample.value()).isCloseTo(value, within(1e-6));
    assertThat(sample.samples()).isEqualTo(samples);
    assertThat(sample.points()).containsExactly(10, 20, 30);
  }

  @Test
  void anAverageWithoutRequestCountsIsThePlainMean() {
    Trace trace =
        Trace.builder()
            .add("Latency", "candidate", at(0), 10, 5)
            .add("Latency", "candidate", at(1), 20, TracePoint.UNKNOWN)
            .build();

    VariantSample sample = candidate(trace, plain("Average", Duration.ofMinutes(1)), at(2));

    assertThat(sample.value()).isEqualTo(15);
    assertThat(sample.samples()).isEqualTo(TracePoint.UNKNOWN);
  }

  @Test
  void noCandidateRowsInTheWindowIsMissingAndNoBaselineRowsIsNoBaseline() {
    Trace trace = Trace.builder().add("Latency", "candidate", at(0), 10, 5).build();
    MetricSpec spec = plain("Average", Duration.ofMinutes(1));
    TraceMetricsSource source = new TraceMetricsSource(trace);

    assertThat(source.reading(spec, at(31))).isInstanceOf(MetricReading.Missing.class);
    assertThat(((MetricReading.Values) source.reading(spec, at(1))).baseline()).isNull();
  }

  private static VariantSample candidate(Trace trace, MetricSpec spec, Instant now) {
    MetricReading reading = new TraceMetricsSource(trace).reading(spec, now);
    assertThat(reading).isInstanceOf(MetricReading.Values.class);
    return ((MetricReading.Values) reading).candidate();
  }

  private static MetricSpec ratio(NumeratorAbsent absent) {
    return new MetricSpec(
        "error_rate",
        "Search",
        null,
        new MetricSpec.Ratio("Errors", "Invocations", absent),
        "Sum",
        VARIANTS,
        Unit.PERCENT,
        MetricSpec.DEFAULT_PERIOD,
        MetricSpec.DEFAULT_LOOKBACK);
  }

  private static MetricSpec plain(String stat, Duration period) {
    return plain(stat, period, MetricSpec.DEFAULT_LOOKBACK);
  }

  private static MetricSpec plain(String stat, Duration period, Duration lookback) {
    return new MetricSpec(
        "m", "Search", "Latency", null, stat, VARIANTS, Unit.NONE, period, lookback);
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}

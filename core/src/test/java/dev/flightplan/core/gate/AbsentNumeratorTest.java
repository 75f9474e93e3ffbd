package dev.flightplan.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.NumeratorAbsent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsentNumeratorTest {
  private static final Map<String, String> VARIANTS = Map.of("Variant", "${variant}");

  @Test
  void aNumeratorWithoutAnyPointWhileRequestsCountIsMissingAndSaysWhatToCheck() {
    assertThat(AbsentNumerator.missing(ratio(NumeratorAbsent.MISSING, VARIANTS), false, 1240))
        .hasValueSatisfying(
            reading ->
                assertThat(((MetricReading.Missing) reading).detail())
                    .isEqualTo(
                        "numerator Errors has no datapoints in either variant while Invocations"
                            + " has 1,240 requests; check the metric name and dimensions, or set"
                            + " numeratorAbsent: zero if the source publishes no zero counts"));
  }

  @Test
  void withoutVariantsItSpeaksOfNoVariant() {
    assertThat(AbsentNumerator.missing(ratio(NumeratorAbsent.MISSING, Map.of()), false, 7))
        .hasValueSatisfying(
            reading ->
                assertThat(((MetricReading.Missing) reading).detail())
                    .startsWith("numerator Errors has no datapoints while Invocations has 7"));
  }

  @Test
  void aNumeratorWithAPointAnywhereIsNoConcern() {
    assertThat(AbsentNumerator.missing(ratio(NumeratorAbsent.MISSING, VARIANTS), true, 1240))
        .isEmpty();
  }

  @Test
  void noRequestsExplainTheAbsentNumerator() {
    assertThat(AbsentNumerator.missing(ratio(NumeratorAbsent.MISSING, VARIANTS), false, 0))
        .isEmpty();
  }

  @Test
  void numeratorAbsentZeroKeepsAbsentAsZero() {
    assertThat(AbsentNumerator.missing(ratio(NumeratorAbsent.ZERO, VARIANTS), false, 1240))
        .isEmpty();
  }

  @Test
  void onlyRatiosHaveANumerator() {
    MetricSpec latency =
        new MetricSpec(
            "latency",
            "Search",
            "Latency",
            null,
            "p95",
            VARIANTS,
            Unit.NONE,
            MetricSpec.DEFAULT_PERIOD,
            MetricSpec.DEFAULT_LOOKBACK);

    assertThat(AbsentNumerator.missing(latency, false, 1240)).isEmpty();
  }

  private static MetricSpec ratio(NumeratorAbsent absent, Map<String, String> dimensions) {
    return new MetricSpec(
        "error_rate",
        "Search",
        null,
        new MetricSpec.Ratio("Errors", "Invocations", absent),
        "Sum",
        dimensions,
        Unit.PERCENT,
        MetricSpec.DEFAULT_PERIOD,
        MetricSpec.DEFAULT_LOOKBACK);
  }
}

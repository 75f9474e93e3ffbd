package dev.flightplan.core.gate;

import static dev.flightplan.core.decide.TestPlans.ERROR_RATE;
import static dev.flightplan.core.decide.TestPlans.LATENCY;
import static dev.flightplan.core.decide.TestPlans.QUALITY;
import static dev.flightplan.core.decide.TestPlans.absolute;
import static dev.flightplan.core.decide.TestPlans.ratio;
import static dev.flightplan.core.decide.TestPlans.relative;
import static dev.flightplan.core.decide.TestPlans.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.MissingData;
import dev.flightplan.core.plan.Threshold.Relative.Kind;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
  private static final Gate ERROR_ROLLBACK =
      absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK).build();
  private static final Gate ERROR_TWICE =
      relative(ERROR_RATE, ">", Kind.TIMES, 2, GateAction.ROLLBACK).build();
  private static final Gate LATENCY_TWICE =
      relative(LATENCY, ">", Kind.TIMES, 2, GateAction.ROLLBACK).build();
  private static final Gate QUALITY_REQUIRE =
      absolute(QUALITY, ">=", 0.85, GateAction.REQUIRE).build();

  private static GateResult percent(Gate gate, MetricReading reading) {
    return GateEvaluator.evaluate(gate, reading, Unit.PERCENT);
  }

  @Test
  void failedReadIsAnError() {
    GateResult result = percent(ERROR_ROLLBACK, new MetricReading.Failed("Throttling"));
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.message()).isEqualTo("error_rate could not be read: Throttling");
  }

  @Test
  void missingDataIsInconclusiveByDefault() {
    GateResult result = percent(ERROR_ROLLBACK, new MetricReading.Missing("no datapoints"));
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.message()).isEqualTo("error_rate: no data (no datapoints), holding");
  }

  @Test
  void missingDataCountsAsBreachWhenTheGateSaysSo() {
    Gate gate =
        absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK)
            .missingData(MissingData.BREACH)
            .build();
    assertThat(percent(gate, new MetricReading.Missing("none")).verdict())
        .isEqualTo(Verdict.BREACH);
  }

  @Test
  void noPeriodYetAtTheNewExposureHoldsEvenWhenMissingDataCountsAsABreach() {
    Gate gate =
        absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK)
            .missingData(MissingData.BREACH)
            .build();
    java.time.Instant origin = java.time.Instant.parse("2026-01-05T10:01:00Z");
    TestSegments segments =
        TestSegments.of(
            origin,
            java.time.Duration.ofMinutes(1),
            java.time.Duration.ofMinutes(30),
            java.time.Duration.ofHours(1),
            1);
    MetricReading none = new MetricReading.Missing("no evidence at this exposure yet");

    assertThat(GateEvaluator.evaluate(gate, none, Unit.PERCENT, segments, origin).verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(
            GateEvaluator.evaluate(gate, none, Unit.PERCENT, segments, origin.plusSeconds(60))
                .verdict())
        .isEqualTo(Verdict.BREACH);
  }

  @Test
  void tooFewSamplesIsInconclusive() {
    GateResult result = percent(ERROR_ROLLBACK, ratio(10, 40, 0, 1000));
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.message()).isEqualTo("error_rate: only 40 of 100 requests");
  }

  @Test
  void noRequestsAtAllWithoutMinimumIsMissing() {
    Gate gate = absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK).minSamples(0).build();
    assertThat(percent(gate, ratio(0, 0, 0, 0)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void absoluteBreachIsShownAsPercent() {
    GateResult result = percent(ERROR_ROLLBACK, ratio(620, 10_000, 0, 10_000));
    assertThat(result.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(result.message()).isEqualTo("error_rate 6.2% > 5%, p<0.0001");
    assertThat(result.values()).containsEntry("error_rate.candidate", 0.062);
  }

  @Test
  void absoluteRateAboveTheThresholdOnFewRequestsHoldsWithoutABreach() {
    // 62 of 1,000 is 6.2%, but 5% errors give 62 or more in 1,000 requests about 5% of the time.
    GateResult result = percent(ERROR_ROLLBACK, ratio(62, 1000, 0, 1000));
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.message()).startsWith("error_rate 6.2% > 5% but not significant yet (p=");
    assertThat(result.values().get("p")).isGreaterThan(0.05);
  }

  @Test
  void absoluteRequireGateOnARateJudgesThePointEstimate() {
    Gate require = absolute(ERROR_RATE, "<=", 0.05, GateAction.REQUIRE).build();
    GateResult result = percent(require, ratio(62, 1000, 0, 1000));
    assertThat(result.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(result.values()).doesNotContainKey("p");
  }

  @Test
  void absolutePassSaysWhichSideItIsOn() {
    GateResult result = percent(ERROR_ROLLBACK, ratio(12, 1000, 0, 1000));
    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.message()).isEqualTo("error_rate 1.2% <= 5%");
  }

  @Test
  void requireGateHoldsWhenItsConditionIsTrue() {
    GateResult met = GateEvaluator.evaluate(QUALITY_REQUIRE, values(0.9, 0.9, 500), Unit.NONE);
    assertThat(met.verdict()).isEqualTo(Verdict.PASS);
    assertThat(met.message()).isEqualTo("search_quality 0.9 >= 0.85");
  }

  @Test
  void requireGateUnmetIsABreach() {
    GateResult unmet = GateEvaluator.evaluate(QUALITY_REQUIRE, values(0.8, 0.9, 500), null);
    assertThat(unmet.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(unmet.message()).isEqualTo("search_quality 0.8 < 0.85 (unmet: needs >= 0.85)");
  }

  @Test
  void relativeBreachNeedsSignificance() {
    GateResult result = percent(ERROR_TWICE, ratio(62, 1000, 20, 1000));
    assertThat(result.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(result.message()).isEqualTo("error_rate 6.2% > 4% (2x baseline 2%), p<0.0001");
    assertThat(result.values())
        .containsEntry("error_rate.candidate", 0.062)
        .containsEntry("error_rate.baseline", 0.02)
        .containsKey("p");
  }

  @Test
  void relativeEffectThatIsNotSignificantYetHolds() {
    // 3 of 100 against 1 of 100: past 2x, but of 4 errors in equal traffic 3 on one side is what
    // a fair coin gives a quarter of the time. The mixture's p is 1 / mean(likelihood ratios).
    GateResult result = percent(ERROR_TWICE, ratio(3, 100, 1, 100));
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.message())
        .startsWith("error_rate 3% > 2% (2x baseline 1%) but not significant yet (p=0.7");
    assertThat(result.values().get("p"))
        .isCloseTo(1 / meanLikelihoodRatio(3, 4), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void smallCountsAreJudgedExactly() {
    // A healthy candidate at 15 requests a minute: 6 errors in 150 against 1 in 150. The normal
    // approximation called this p < 0.0001; the exact conditional test does not breach.
    GateResult result = percent(ERROR_TWICE, ratio(6, 150, 1, 150));
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.values().get("p")).isGreaterThan(0.05);
  }

  /** The mixture of MixtureSprt for x of m at chance 1/2: mean over the odds factors. */
  private static double meanLikelihoodRatio(int x, int m) {
    double sum = 0;
    for (double factor : MixtureSprt.ODDS_FACTORS) {
      double p = factor / (1 + factor);
      sum += Math.pow(2 * p, x) * Math.pow(2 * (1 - p), m - x);
    }
    return sum / MixtureSprt.ODDS_FACTORS.length;
  }

  @Test
  void relativeWithinBoundPassesWithoutATest() {
    GateResult result = percent(ERROR_TWICE, ratio(15, 1000, 10, 1000));
    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.message()).isEqualTo("error_rate 1.5% <= 2% (2x baseline 1%)");
    assertThat(result.values()).doesNotContainKey("p");
  }

  @Test
  void relativePlusPointsBound() {
    Gate gate = relative(ERROR_RATE, ">", Kind.PLUS_POINTS, 0.005, GateAction.PAUSE).build();
    GateResult result = percent(gate, ratio(300, 10_000, 100, 10_000));
    assertThat(result.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(result.message()).isEqualTo("error_rate 3% > 1.5% (baseline 1% +0.5pp), p<0.0001");
  }

  @Test
  void relativeGateOnPointsUsesTheSignTestPerPeriod() {
    GateResult result =
        GateEvaluator.evaluate(LATENCY_TWICE, values(425, 200, 1000), Unit.MILLISECONDS);
    assertThat(result.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(result.message()).isEqualTo("latency_p95 425 > 400 (2x baseline 200), p<0.0001");
    // Thirty periods, the candidate worse in every one.
    assertThat(result.values().get("p"))
        .isCloseTo(1 / meanLikelihoodRatio(30, 30), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void relativeGateWithoutPointsIsInconclusive() {
    MetricReading reading =
        new MetricReading.Values(
            VariantSample.of(425, 1000, new double[0]), VariantSample.of(200, 1000, new double[0]));
    GateResult result = GateEvaluator.evaluate(LATENCY_TWICE, reading, Unit.MILLISECONDS);
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void relativeWithoutBaselineIsMissing() {
    MetricReading noBaseline =
        new MetricReading.Values(VariantSample.ratio(62, 1000, new double[0]), null);
    assertThat(percent(ERROR_TWICE, noBaseline).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    Gate breachOnMissing =
        relative(ERROR_RATE, ">", Kind.TIMES, 2, GateAction.ROLLBACK)
            .missingData(MissingData.BREACH)
            .build();
    assertThat(percent(breachOnMissing, noBaseline).verdict()).isEqualTo(Verdict.BREACH);
  }

  @Test
  void relativeWithTooSmallBaselineIsInconclusive() {
    GateResult result = percent(ERROR_TWICE, ratio(62, 1000, 1, 40));
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.message()).isEqualTo("error_rate: baseline has only 40 of 100 requests");
  }

  @Test
  void relativeRequireGateIsUnmetOnlyWhenSignificantlyWorse() {
    Gate gate = relative(QUALITY, ">=", Kind.TIMES, 0.9, GateAction.REQUIRE).build();
    GateResult worse = GateEvaluator.evaluate(gate, values(0.5, 0.9, 1000), Unit.NONE);
    assertThat(worse.verdict()).isEqualTo(Verdict.BREACH);
    assertThat(worse.message()).contains("unmet");
    GateResult fine = GateEvaluator.evaluate(gate, values(0.85, 0.9, 1000), Unit.NONE);
    assertThat(fine.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void numbersAreShortAndLocaleFree() {
    assertThat(GateValueFormat.number(0.062 * 100)).isEqualTo("6.2");
    assertThat(GateValueFormat.number(5)).isEqualTo("5");
    assertThat(GateValueFormat.number(0.85)).isEqualTo("0.85");
    assertThat(GateValueFormat.number(0.00012345)).isEqualTo("0.0001");
    assertThat(GateValueFormat.number(1234.56)).isEqualTo("1235");
    assertThat(GateValueFormat.number(-2.5)).isEqualTo("-2.5");
    assertThat(GateValueFormat.number(Double.NaN)).isEqualTo("n/a");
    assertThat(GateValueFormat.value(0.005, Unit.PERCENT)).isEqualTo("0.5%");
  }
}

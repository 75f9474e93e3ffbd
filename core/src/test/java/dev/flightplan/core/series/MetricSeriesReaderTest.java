package dev.flightplan.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.series.MetricSeries.GateThreshold;
import dev.flightplan.core.series.MetricSeries.Point;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSeriesReaderTest {
  static final Instant CREATED = Instant.parse("2026-11-29T10:00:00Z");
  static final Instant STARTED = Instant.parse("2026-11-29T10:05:10Z");
  static final long T = Instant.parse("2026-11-29T10:10:00Z").getEpochSecond();

  static final Plan PLAN =
      PlanReader.read(
          """
          rollout: checkout-v2
          strategy: percentage
          target: { type: flag, flag: checkout-v2 }
          phases:
            - { name: canary, percent: 5, bake: 1h }
            - { name: all, percent: 100, bake: 0s }
          metrics:
            error_rate:
              ratio: { numerator: Errors, denominator: Requests }
              namespace: Shop
              dimensions: { Variant: "${variant}" }
              unit: percent
            latency: { namespace: Shop, metric: Latency, stat: Average, unit: ms,
                       dimensions: { Variant: "${variant}" }, period: 5m }
            unused: { namespace: Shop, metric: Other, stat: Sum }
          gates:
            - { name: errors, metric: error_rate, op: ">", threshold: 5%, action: rollback }
            - { name: slower, metric: latency, op: ">", relative: 2x, action: pause }
            - { name: errors-vs-baseline, metric: error_rate, op: ">", relative: +0.5pp,
                action: rollback }
          """);

  final TestClock clock = new TestClock(Instant.parse("2026-11-29T11:00:20Z"));
  final InMemoryMetricsSource source = new InMemoryMetricsSource();
  final MetricSeriesReader reader = new MetricSeriesReader(source, clock);

  @Test
  void readsOnlyGateMetricsInGateOrderWithTheirThresholds() {
    RolloutSeries series = reader.read(rollout(), history(), null, null);

    assertThat(series.metrics())
        .extracting(MetricSeries::name)
        .containsExactly("error_rate", "latency");
    MetricSeries errors = series.metrics().get(0);
    assertThat(errors.kind()).isEqualTo(MetricSeries.Kind.RATIO);
    assertThat(errors.unit()).isEqualTo(MetricSpec.Unit.PERCENT);
    assertThat(errors.thresholds())
        .containsExactly(
            new GateThreshold("errors", ">", 0.05, null, "rollback"),
            new GateThreshold("errors-vs-baseline", ">", null, "+0.5pp", "rollback"));
    assertThat(series.metrics().get(1).thresholds())
        .containsExactly(new GateThreshold("slower", ">", null, "2x", "pause"));
  }

  @Test
  void theRangeStartsWhenTheRolloutStartedAtTheLongestPeriod() {
    RolloutSeries series = reader.read(rollout(), history(), null, null);

    assertThat(series.range().from()).isEqualTo(Instant.parse("2026-11-29T10:05:00Z"));
    assertThat(series.range().to()).isEqualTo(Instant.parse("2026-11-29T11:00:00Z"));
    assertThat(series.range().period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(source.seriesQueries()).hasSize(1);
  }

  @Test
  void aRatioPointIsItsPeriodsErrorsOverRequestsAndGapsStayGaps() {
    PeriodSeries candidate =
        new PeriodSeries(
            new long[] {T, T + 300, T + 600, T + 900},
            new double[] {5, Double.NaN, 3, 1},
            new double[] {100, 200, 0, 50});
    PeriodSeries baseline =
        new PeriodSeries(new long[] {T}, new double[] {10}, new double[] {1000});
    source.setSeries("checkout-v2", "error_rate", new SeriesReading.Periods(candidate, baseline));

    MetricSeries errors = reader.read(rollout(), history(), null, null).metrics().get(0);

    assertThat(errors.candidate())
        .containsExactly(
            new Point(Instant.ofEpochSecond(T), 0.05),
            new Point(Instant.ofEpochSecond(T + 300), 0.0),
            new Point(Instant.ofEpochSecond(T + 900), 0.02));
    assertThat(errors.baseline()).containsExactly(new Point(Instant.ofEpochSecond(T), 0.01));
    assertThat(errors.error()).isNull();
  }

  @Test
  void aNumeratorWithNoPointAnywhereIsNotAZeroErrorRate() {
    PeriodSeries candidate =
        new PeriodSeries(new long[] {T}, new double[] {Double.NaN}, new double[] {100});
    source.setSeries("checkout-v2", "error_rate", new SeriesReading.Periods(candidate, null));

    MetricSeries errors = reader.read(rollout(), history(), null, null).metrics().get(0);

    assertThat(errors.candidate()).isEmpty();
  }

  @Test
  void aMetricThatCannotBeReadSaysWhyAndHasNoPoints() {
    source.setSeries("checkout-v2", "latency", new SeriesReading.Failed("throttled"));

    MetricSeries latency = reader.read(rollout(), history(), null, null).metrics().get(1);

    assertThat(latency.error()).isEqualTo("throttled");
    assertThat(latency.candidate()).isEmpty();
  }

  @Test
  void theQueryCarriesWhichPhaseWasExposedWhen() {
    reader.read(rollout(), history(), null, null);

    ExposureTimeline exposure = source.seriesQueries().get(0).exposure();
    assertThat(exposure.phaseAt(CREATED)).isEqualTo(-1);
    assertThat(exposure.phaseAt(STARTED.plusSeconds(60))).isZero();
    assertThat(exposure.phaseAt(Instant.parse("2026-11-29T10:40:00Z"))).isEqualTo(-1);
  }

  static Rollout rollout() {
    RolloutState state =
        RolloutState.draft(CREATED).toBuilder().status(RolloutStatus.RUNNING).build();
    return new Rollout(PLAN, state, 3);
  }

  static List<HistoryEntry> history() {
    return List.of(
        entry(1, STARTED, RolloutStatus.DRAFT, RolloutStatus.RUNNING, 0),
        entry(
            2,
            Instant.parse("2026-11-29T10:30:00Z"),
            RolloutStatus.RUNNING,
            RolloutStatus.ROLLED_BACK,
            0));
  }

  static HistoryEntry entry(long seq, Instant at, RolloutStatus from, RolloutStatus to, int phase) {
    return new HistoryEntry(
        "checkout-v2", seq, at, "controller", "x", from, to, phase, null, Map.of(), "");
  }
}

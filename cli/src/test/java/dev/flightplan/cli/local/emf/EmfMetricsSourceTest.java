package dev.flightplan.cli.local.emf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The gates' answers from EMF, in the shapes the CloudWatch adapter gives them. */
class EmfMetricsSourceTest {
  static final Instant PHASE = Instant.parse("2026-03-02T09:00:10Z");
  static final Instant NOW = Instant.parse("2026-03-02T09:04:20Z");

  static final Plan PLAN =
      PlanReader.read(
          """
          rollout: checkout
          target: { type: flag, flag: checkout }
          phases:
            - { name: canary, percent: 10, bake: 10m }
            - { name: all, percent: 100 }
          metrics:
            error_rate:
              namespace: Shop
              ratio: { numerator: Errors, denominator: Requests }
              dimensions: { Service: checkout, Variant: "${variant}" }
              lookback: 10m
            latency_p90: { namespace: Shop, metric: Latency, stat: p90, dimensions: { Service: checkout, Variant: "${variant}" }, lookback: 10m }
            latency_avg: { namespace: Shop, metric: Latency, stat: Average, dimensions: { Service: checkout, Variant: "${variant}" }, lookback: 10m }
            latency_max: { namespace: Shop, metric: Latency, stat: Maximum, dimensions: { Service: checkout, Variant: "${variant}" }, lookback: 10m }
            latency_tm90: { namespace: Shop, metric: Latency, stat: tm90, dimensions: { Service: checkout, Variant: "${variant}" }, lookback: 10m }
            orders: { namespace: Shop, metric: Orders, stat: Sum, dimensions: { Service: checkout }, lookback: 10m }
          gates:
            - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
          """);

  final EmfStore store = new EmfStore();
  final EmfIntake intake = new EmfIntake(store, Clock.fixed(NOW, ZoneOffset.UTC));

  static Rollout rollout() {
    RolloutState state =
        RolloutState.draft(PHASE).toBuilder()
            .status(RolloutStatus.RUNNING)
            .phase(0)
            .phaseStartedAt(PHASE)
            .build();
    return new Rollout(PLAN, state, 1);
  }

  Observations observe() {
    return new EmfMetricsSource(store).observe(List.of(rollout()), NOW).get("checkout");
  }

  void send(String minute, String variant, long requests, long errors, String latency) {
    long millis = Instant.parse("2026-03-02T09:0" + minute + "Z").toEpochMilli();
    intake.take(
        String.format(
            Locale.ROOT,
            """
            {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"Shop",\
            "Dimensions":[["Service","Variant"]],"Metrics":[{"Name":"Requests","Unit":"Count"},\
            {"Name":"Errors","Unit":"Count"},{"Name":"Latency","Unit":"Milliseconds"}]}]},\
            "Service":"checkout","Variant":"%s","Requests":%d,"Errors":%d,"Latency":%s}""",
            millis,
            variant,
            requests,
            errors,
            latency));
  }

  @Test
  void ratiosAreSummedPerPeriodFromTheFirstPeriodAtTheExposure() {
    send("0:30", "candidate", 100, 50, "[1]"); // before the evidence begins at 09:01
    send("1:05", "candidate", 100, 2, "[1]");
    send("1:50", "candidate", 100, 4, "[1]");
    send("3:10", "candidate", 300, 3, "[1]");
    send("3:10", "baseline", 900, 9, "[1]");

    MetricReading.Values reading = (MetricReading.Values) observe().get("error_rate");

    VariantSample candidate = reading.candidate();
    assertThat(candidate.periods().starts())
        .containsExactly(
            Instant.parse("2026-03-02T09:01:00Z").getEpochSecond(),
            Instant.parse("2026-03-02T09:03:00Z").getEpochSecond());
    assertThat(candidate.periods().values()).containsExactly(6, 3);
    assertThat(candidate.periods().counts()).containsExactly(200, 300);
    assertThat(candidate.value()).isEqualTo(9 / 500.0);
    assertThat(reading.baseline().value()).isEqualTo(0.01);
  }

  @Test
  void percentilesComeFromTheValuesReceivedAveragesAndExtremesFromTheirSums() {
    send(
        "2:00",
        "candidate",
        10,
        0,
        "{\"Values\":[10,20,100],\"Counts\":[6,3,1],\"Max\":100,\"Min\":10,\"Count\":10,\"Sum\":220}");
    send("3:00", "candidate", 10, 0, "[30,30,30,30,30,30,30,30,30,30]");

    Observations observed = observe();

    VariantSample p90 = ((MetricReading.Values) observed.get("latency_p90")).candidate();
    assertThat(p90.value()).isEqualTo(30);
    assertThat(p90.periods().values()).containsExactly(20, 30);
    assertThat(p90.samples()).isEqualTo(20);
    VariantSample average = ((MetricReading.Values) observed.get("latency_avg")).candidate();
    assertThat(average.value()).isEqualTo((220 + 300) / 20.0);
    assertThat(average.periods().counts()).containsExactly(10, 10);
    assertThat(((MetricReading.Values) observed.get("latency_max")).candidate().value())
        .isEqualTo(100);
  }

  @Test
  void whatIsNotThereIsMissingAndWhatLocalModeCannotComputeFails() {
    send("2:00", "candidate", 100, 0, "[1]");

    Observations observed = observe();

    assertThat(observed.get("orders"))
        .isEqualTo(new MetricReading.Missing("no EMF datapoints in the last 10m"));
    assertThat(observed.get("latency_tm90")).isInstanceOf(MetricReading.Failed.class);
    assertThat(((MetricReading.Values) observed.get("latency_p90")).baseline()).isNull();
  }

  @Test
  void aRatioWhoseNumeratorNeverArrivedIsMissingNotPerfect() {
    long millis = Instant.parse("2026-03-02T09:02:00Z").toEpochMilli();
    intake.take(
        "{\"_aws\":{\"Timestamp\":"
            + millis
            + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\",\"Dimensions\":[[\"Service\","
            + "\"Variant\"]],\"Metrics\":[{\"Name\":\"Requests\"}]}]},\"Service\":\"checkout\","
            + "\"Variant\":\"candidate\",\"Requests\":500}");

    assertThat(observe().get("error_rate"))
        .isInstanceOfSatisfying(
            MetricReading.Missing.class,
            missing ->
                assertThat(missing.detail()).startsWith("numerator Errors has no datapoints"));
  }

  @Test
  void beforeTheFirstFullPeriodTheGatesAreToldWhyThereIsNothing() {
    Observations early =
        new EmfMetricsSource(store)
            .observe(List.of(rollout()), PHASE.plusSeconds(30))
            .get("checkout");

    assertThat(early.get("error_rate"))
        .isInstanceOfSatisfying(
            MetricReading.Missing.class,
            missing -> assertThat(missing.detail()).startsWith("no evidence at this exposure yet"));
  }
}

package dev.flightplan.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricMismatchesTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final Plan PLAN =
      PlanReader.read(
          """
          rollout: demo
          metrics:
            error_rate: { namespace: App, ratio: { numerator: 5xxErrors, denominator: Invocations } }
            latency: { namespace: App, metric: Latency, stat: p95 }
          gates:
            - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
          """);

  @Test
  void namesTraceMetricsThePlanNeverReadsAndPlanMetricsTheTraceNeverHas() {
    Trace trace =
        Trace.builder()
            .add("5xx_errors", "candidate", T0, 1, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", T0, 100, TracePoint.UNKNOWN)
            .add("Invocations", "baseline", T0, 100, TracePoint.UNKNOWN)
            .build();

    assertThat(MetricMismatches.between(PLAN, trace))
        .containsExactly(
            "trace metric 5xx_errors is not used by the plan",
            "plan metric error_rate reads 5xxErrors, which the trace never has",
            "plan metric latency reads Latency, which the trace never has");
  }

  @Test
  void aTraceWithEveryMetricThePlanReadsAndNoOtherHasNone() {
    Trace trace =
        Trace.builder()
            .add("5xxErrors", "baseline", T0, 1, TracePoint.UNKNOWN)
            .add("Invocations", "candidate", T0, 100, TracePoint.UNKNOWN)
            .add("Latency", "candidate", T0, 120, 100)
            .build();

    assertThat(MetricMismatches.between(PLAN, trace)).isEmpty();
  }
}

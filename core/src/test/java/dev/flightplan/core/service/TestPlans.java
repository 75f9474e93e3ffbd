package dev.flightplan.core.service;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.AlarmBinding;
import dev.flightplan.core.plan.Comparison;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.MissingData;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Risk;
import dev.flightplan.core.plan.Strategy;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.plan.Threshold;
import dev.flightplan.core.plan.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Plans for use-case tests, built directly: three percentage phases, a rollback gate, alarms. */
public final class TestPlans {
  /** A Monday morning, on a minute boundary. */
  public static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  public static final String ERROR_RATE = "error_rate";
  public static final String ROLLBACK_GATE = "error_rate-rollback";
  public static final String PAUSE_GATE = "error_rate-pause";
  public static final String ALARM = "search-5xx-critical";
  public static final String ARN_ALARM = "latency-high";
  public static final String ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + ARN_ALARM;

  public static final List<Phase> PHASES =
      List.of(
          new Phase("canary", 100, List.of(), Duration.ofMinutes(10), false),
          new Phase("half", 5_000, List.of(), Duration.ofMinutes(10), false),
          new Phase("all", 10_000, List.of(), Duration.ZERO, false));

  private TestPlans() {}

  public static Plan plan(String id) {
    return plan(id, PHASES, List.of());
  }

  public static Plan withChecklist(String id, String... items) {
    return plan(id, PHASES, List.of(items));
  }

  /** The default phases, with an approval needed before phase {@code index}. */
  public static Plan withApprovalAt(String id, int index) {
    List<Phase> phases = new java.util.ArrayList<>(PHASES);
    Phase p = phases.get(index);
    phases.set(index, new Phase(p.name(), p.basisPoints(), p.audiences(), p.bake(), true));
    return plan(id, phases, List.of());
  }

  public static Plan plan(String id, List<Phase> phases, List<String> checklist) {
    MetricSpec errorRate =
        new MetricSpec(
            ERROR_RATE,
            "Search",
            null,
            new MetricSpec.Ratio("Errors", "Invocations"),
            "Sum",
            Map.of("Service", "search"),
            MetricSpec.Unit.PERCENT,
            MetricSpec.DEFAULT_PERIOD,
            MetricSpec.DEFAULT_LOOKBACK);
    return new Plan(
        id,
        "test rollout " + id,
        Risk.MEDIUM,
        Strategy.PERCENTAGE,
        new Target.Flag(id),
        Map.of(),
        phases,
        Map.of(ERROR_RATE, errorRate),
        List.of(
            gate(ROLLBACK_GATE, 0.05, GateAction.ROLLBACK),
            gate(PAUSE_GATE, 0.02, GateAction.PAUSE)),
        List.of(new AlarmBinding(ALARM, false), new AlarmBinding(ARN, true)),
        Window.ALWAYS,
        Notify.DEFAULT,
        checklist);
  }

  /** The same plan with one phase fewer or more: a new revision to replace with. */
  public static Plan withPhases(String id, List<Phase> phases) {
    return plan(id, phases, List.of());
  }

  private static Gate gate(String name, double threshold, GateAction action) {
    return new Gate(
        name,
        ERROR_RATE,
        Comparison.GT,
        new Threshold.Absolute(threshold),
        Duration.ZERO,
        action,
        Gate.DEFAULT_MIN_SAMPLES,
        MissingData.HOLD,
        Gate.DEFAULT_ERROR_LIMIT,
        Gate.DEFAULT_CONFIDENCE);
  }

  /** An error rate of {@code percent} over 10,000 requests. */
  public static MetricReading errorRate(double percent) {
    return new MetricReading.Values(
        VariantSample.ratio(percent * 100, 10_000, new double[0]), null);
  }

  public static MetricReading healthy() {
    return errorRate(0.1);
  }
}

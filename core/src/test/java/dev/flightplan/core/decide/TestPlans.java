package dev.flightplan.core.decide;

import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.VariantSample;
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
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.Audience;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plans, states and observations for decision tests, built directly (no reader needed). */
public final class TestPlans {
  public static final String ERROR_RATE = "error_rate";
  public static final String LATENCY = "latency_p95";
  public static final String QUALITY = "search_quality";

  /** The four gates of the docs/design.md §2 example, named {@code <metric>-<action>}. */
  public static final Gate ERROR_ROLLBACK =
      absolute(ERROR_RATE, ">", 0.05, GateAction.ROLLBACK).sustain(Duration.ofMinutes(10)).build();

  public static final Gate LATENCY_ROLLBACK =
      relative(LATENCY, ">", Threshold.Relative.Kind.TIMES, 2, GateAction.ROLLBACK).build();
  public static final Gate ERROR_PAUSE = absolute(ERROR_RATE, ">", 0.005, GateAction.PAUSE).build();
  public static final Gate QUALITY_REQUIRE =
      absolute(QUALITY, ">=", 0.85, GateAction.REQUIRE).build();

  public static final List<Phase> PHASES =
      List.of(
          new Phase("internal", 0, List.of("employees"), Duration.ofHours(48), false),
          new Phase("beta", 0, List.of("beta"), Duration.ofHours(72), true),
          new Phase("standard-5", 500, List.of(), Duration.ofDays(1), false),
          new Phase("all", 10_000, List.of(), Duration.ZERO, false));

  private TestPlans() {}

  public static Plan plan() {
    return plan(List.of(ERROR_ROLLBACK, LATENCY_ROLLBACK, ERROR_PAUSE, QUALITY_REQUIRE));
  }

  public static Plan plan(List<Gate> gates) {
    return plan(gates, Window.ALWAYS);
  }

  public static Plan plan(List<Gate> gates, Window window) {
    Map<String, String> variant = Map.of("Variant", MetricSpec.VARIANT_PLACEHOLDER);
    Duration minute = MetricSpec.DEFAULT_PERIOD;
    Duration lookback = MetricSpec.DEFAULT_LOOKBACK;
    Map<String, MetricSpec> metrics =
        Map.of(
            ERROR_RATE,
            new MetricSpec(
                ERROR_RATE,
                "Search",
                null,
                new MetricSpec.Ratio("Errors", "Invocations"),
                "Sum",
                variant,
                MetricSpec.Unit.PERCENT,
                minute,
                lookback),
            LATENCY,
            new MetricSpec(
                LATENCY,
                "Search",
                "Latency",
                null,
                "p95",
                variant,
                MetricSpec.Unit.MILLISECONDS,
                minute,
                lookback),
            QUALITY,
            new MetricSpec(
                QUALITY,
                "Search",
                "QualityScore",
                null,
                "Average",
                variant,
                MetricSpec.Unit.NONE,
                minute,
                lookback));
    return new Plan(
        "new-search-algorithm",
        "Ranker v2 behind a flag",
        Risk.MEDIUM,
        Strategy.RING,
        new Target.Flag("new-search-algorithm"),
        Map.of(
            "employees", new Audience("email", Audience.Match.ENDS_WITH, List.of("@example.com")),
            "beta", new Audience("beta", Audience.Match.EQUALS, List.of("true"))),
        PHASES,
        metrics,
        gates,
        List.of(),
        window,
        Notify.DEFAULT,
        List.of());
  }

  public static GateBuilder absolute(String metric, String op, double value, GateAction action) {
    return new GateBuilder(metric, op, new Threshold.Absolute(value), action);
  }

  public static GateBuilder relative(
      String metric, String op, Threshold.Relative.Kind kind, double amount, GateAction action) {
    return new GateBuilder(metric, op, new Threshold.Relative(kind, amount), action);
  }

  /** A RUNNING state at {@code phase}, started at {@code phaseStartedAt}, no streaks. */
  public static RolloutState running(int phase, Instant phaseStartedAt) {
    return state(RolloutStatus.RUNNING, phase, phaseStartedAt, -1, Map.of());
  }

  public static RolloutState state(
      RolloutStatus status,
      int phase,
      Instant phaseStartedAt,
      int approvedPhase,
      Map<String, GateStreak> gates) {
    return RolloutState.draft(phaseStartedAt).toBuilder()
        .status(status)
        .phase(phase)
        .phaseStartedAt(phaseStartedAt)
        .approvedPhase(approvedPhase)
        .gates(gates)
        .build();
  }

  /** Candidate and baseline both healthy on every metric of {@link #plan()}. */
  public static Map<String, MetricReading> healthy() {
    Map<String, MetricReading> readings = new HashMap<>();
    readings.put(ERROR_RATE, ratio(10, 10_000, 10, 10_000));
    readings.put(LATENCY, values(200, 200, 1_000));
    readings.put(QUALITY, values(0.9, 0.9, 1_000));
    return readings;
  }

  public static Observations observations(Instant at, Map<String, MetricReading> readings) {
    return new Observations(at, readings);
  }

  public static MetricReading ratio(double cErrors, double cCalls, double bErrors, double bCalls) {
    return new MetricReading.Values(
        VariantSample.ratio(cErrors, cCalls, new double[0]),
        VariantSample.ratio(bErrors, bCalls, new double[0]));
  }

  /** Non-ratio values, with thirty per-period points spread around each value. */
  public static MetricReading values(double candidate, double baseline, long samples) {
    return new MetricReading.Values(
        VariantSample.of(candidate, samples, spread(candidate)),
        VariantSample.of(baseline, samples, spread(baseline)));
  }

  private static double[] spread(double center) {
    double[] points = new double[30];
    for (int i = 0; i < points.length; i++) {
      points[i] = center * (1 + (i - 14.5) / 300);
    }
    return points;
  }

  /** Builds gates with the plan defaults, overriding what a test is about. */
  public static final class GateBuilder {
    private final String metric;
    private final Comparison op;
    private final Threshold threshold;
    private final GateAction action;
    private Duration sustain = Duration.ZERO;
    private long minSamples = Gate.DEFAULT_MIN_SAMPLES;
    private MissingData missingData = MissingData.HOLD;
    private int errorLimit = Gate.DEFAULT_ERROR_LIMIT;
    private double confidence = Gate.DEFAULT_CONFIDENCE;

    private GateBuilder(String metric, String op, Threshold threshold, GateAction action) {
      this.metric = metric;
      this.op = Comparison.fromSymbol(op);
      this.threshold = threshold;
      this.action = action;
    }

    public GateBuilder sustain(Duration value) {
      sustain = value;
      return this;
    }

    public GateBuilder minSamples(long value) {
      minSamples = value;
      return this;
    }

    public GateBuilder missingData(MissingData value) {
      missingData = value;
      return this;
    }

    public GateBuilder errorLimit(int value) {
      errorLimit = value;
      return this;
    }

    public GateBuilder confidence(double value) {
      confidence = value;
      return this;
    }

    public Gate build() {
      String name = metric + "-" + action.wireName();
      return new Gate(
          name,
          metric,
          op,
          threshold,
          sustain,
          action,
          minSamples,
          missingData,
          errorLimit,
          confidence);
    }
  }
}

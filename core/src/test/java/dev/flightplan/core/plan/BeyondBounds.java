package dev.flightplan.core.plan;

import dev.flightplan.core.plan.Threshold.Relative;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One value just beyond one bound of {@link PlanLimits}, put into an otherwise valid plan: the plan
 * and the path where the reader must report it.
 */
record BeyondBounds(String name, Function<Plan, Changed> change) {
  /** A changed plan and the path of its error. */
  record Changed(Plan plan, String path) {}

  private static final String EXTRA = "zz-beyond";

  @Override
  public String toString() {
    return name;
  }

  static List<BeyondBounds> all() {
    return List.of(
        top("description too long", "description", p -> with(p, "x".repeat(1_025))),
        top("ANSI escape", "description", p -> with(p, "red \u001b[31malert")),
        top("CR LF", "description", p -> with(p, "one\r\nnotify: forged")),
        top("DEL", "description", p -> with(p, "a\u007Fb")),
        top("C1 control", "description", p -> with(p, "a\u0085b")),
        top("bidi override", "description", p -> with(p, "abc\u202Edef")),
        top("bidi isolate", "description", p -> with(p, "abc\u2066def")),
        new BeyondBounds("bake over 90 days", p -> bake(p, PlanLimits.BAKE.plusSeconds(1))),
        new BeyondBounds("phase name of 64", BeyondBounds::longPhaseName),
        top("51 phases", "phases", BeyondBounds::tooManyPhases),
        top("21 alarms", "alarms", p -> alarms(p, 21, 10)),
        new BeyondBounds("alarm name of 256", p -> alarm(p, "a".repeat(256))),
        new BeyondBounds(
            "alarm ARN of 1,601",
            p -> alarm(p, "arn:aws:cloudwatch:eu-west-1:1:alarm:" + "a".repeat(1_601 - 37))),
        new BeyondBounds(
            "audience value of 257",
            p -> audience(p, "equals", "email", Audience.Match.EQUALS, "v".repeat(257))),
        new BeyondBounds(
            "attribute of 129",
            p -> audience(p, "attribute", "a".repeat(129), Audience.Match.EQUALS, "v")),
        new BeyondBounds("101 values in a list", BeyondBounds::tooManyValues),
        top("21 audiences", "audiences", BeyondBounds::tooManyAudiences),
        new BeyondBounds("namespace of 256", p -> metric(p, "namespace", "n".repeat(256), 1)),
        new BeyondBounds(
            "lookback over 455 days",
            p -> metric(p, "lookback", "App", (int) PlanLimits.LOOKBACK.toMinutes() + 1)),
        new BeyondBounds("31 dimensions", p -> dimensions(p, 31, 1)),
        new BeyondBounds("dimension value of 1,025", p -> dimensions(p, 1, 1_025)),
        top("21 metrics", "metrics", BeyondBounds::tooManyMetrics),
        new BeyondBounds("16 significant digits", p -> gate(p, "threshold", 1234567890123456.0)),
        new BeyondBounds("threshold of 10^15", p -> gate(p, "threshold", 1e15)),
        new BeyondBounds("nine decimals", p -> gate(p, "threshold", 0.123456789)),
        new BeyondBounds("negative share", p -> share(p, new Threshold.Absolute(-0.05))),
        new BeyondBounds("share over 100%", p -> share(p, new Threshold.Absolute(1.5))),
        new BeyondBounds(
            "points beyond 100", p -> share(p, new Relative(Relative.Kind.PLUS_POINTS, 1.01))),
        new BeyondBounds("for over 7 days", p -> sustain(p, PlanLimits.SUSTAIN.plusSeconds(1))),
        new BeyondBounds(
            "minSamples over 10^9",
            p -> gate(p, "minSamples", 0.5, PlanLimits.MIN_SAMPLES + 1, 4, 0.95)),
        new BeyondBounds(
            "errorLimit over 10,000", p -> gate(p, "errorLimit", 0.5, 100, 10_001, 0.95)),
        new BeyondBounds(
            "confidence of 5 decimals", p -> gate(p, "confidence", 0.5, 100, 4, 0.95001)),
        top("51 gates", "gates", BeyondBounds::tooManyGates),
        top("21 checklist items", "checklist", BeyondBounds::tooManyItems),
        new BeyondBounds("101 blackout dates", BeyondBounds::tooManyDates),
        new BeyondBounds("topic of 257", BeyondBounds::longTopic),
        new BeyondBounds("function of 141", BeyondBounds::longFunction),
        top("too big to store", "", BeyondBounds::tooBigToStore));
  }

  private static BeyondBounds top(String name, String path, Function<Plan, Plan> change) {
    return new BeyondBounds(name, p -> new Changed(change.apply(p), path));
  }

  private static Plan with(Plan p, String description) {
    return copy(p, description, p.audiences(), p.phases(), p.metrics(), p.gates(), p.alarms());
  }

  private static Plan copy(
      Plan p,
      String description,
      Map<String, Audience> audiences,
      List<Phase> phases,
      Map<String, MetricSpec> metrics,
      List<Gate> gates,
      List<AlarmBinding> alarms) {
    return new Plan(
        p.id(),
        description,
        p.risk(),
        p.strategy(),
        p.target(),
        audiences,
        phases,
        metrics,
        gates,
        alarms,
        p.window(),
        p.notifications(),
        p.checklist());
  }

  private static Changed bake(Plan p, Duration bake) {
    List<Phase> phases = new ArrayList<>(p.phases());
    Phase first = phases.get(0);
    phases.set(0, new Phase(first.name(), first.basisPoints(), first.audiences(), bake, false));
    return new Changed(phases(p, phases), "phases[0].bake");
  }

  private static Changed longPhaseName(Plan p) {
    List<Phase> phases = new ArrayList<>(p.phases());
    Phase first = phases.get(0);
    String name = "p".repeat(PlanLimits.NAME + 1);
    phases.set(0, new Phase(name, first.basisPoints(), first.audiences(), first.bake(), false));
    return new Changed(phases(p, phases), "phases[0].name");
  }

  private static Plan tooManyPhases(Plan p) {
    List<Phase> phases = new ArrayList<>();
    for (int i = 1; i <= PlanLimits.PHASES + 1; i++) {
      phases.add(new Phase("step-" + i, i * 100, List.of(), Duration.ZERO, false));
    }
    return phases(p, phases);
  }

  private static Plan phases(Plan p, List<Phase> phases) {
    return copy(p, p.description(), p.audiences(), phases, p.metrics(), p.gates(), p.alarms());
  }

  private static Plan alarms(Plan p, int count, int length) {
    List<AlarmBinding> alarms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      alarms.add(new AlarmBinding(i + "a".repeat(length), false));
    }
    return copy(p, p.description(), p.audiences(), p.phases(), p.metrics(), p.gates(), alarms);
  }

  private static Changed alarm(Plan p, String name) {
    List<AlarmBinding> alarms = List.of(new AlarmBinding(name, false));
    return new Changed(
        copy(p, p.description(), p.audiences(), p.phases(), p.metrics(), p.gates(), alarms),
        "alarms[0]");
  }

  /** Every part within its bounds, the whole over {@link PlanLimits#STORED_BYTES}. */
  static Plan tooBigToStore(Plan p) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      values.add(i + "€".repeat(100));
    }
    Map<String, Audience> audiences = new LinkedHashMap<>();
    for (int i = 0; i < PlanLimits.AUDIENCES; i++) {
      audiences.put("a" + i, new Audience("email", Audience.Match.IN, values));
    }
    List<Phase> phases = List.of(new Phase("all", Exposure.ALL, List.of(), Duration.ZERO, false));
    return copy(p, p.description(), audiences, phases, p.metrics(), p.gates(), p.alarms());
  }

  private static Changed audience(
      Plan p, String field, String attribute, Audience.Match match, String value) {
    Audience audience = new Audience(attribute, match, List.of(value));
    return new Changed(audiences(p, audience), "audiences." + EXTRA + "." + field);
  }

  private static Changed tooManyValues(Plan p) {
    List<String> values = Collections.nCopies(PlanLimits.AUDIENCE_VALUES + 1, "v");
    Audience audience = new Audience("email", Audience.Match.IN, values);
    return new Changed(audiences(p, audience), "audiences." + EXTRA + ".in");
  }

  /** The plan's audiences (at most 19) and one more, named {@link #EXTRA}. */
  private static Plan audiences(Plan p, Audience extra) {
    Map<String, Audience> audiences = new LinkedHashMap<>(p.audiences());
    audiences.keySet().retainAll(p.audiences().keySet().stream().limit(19).toList());
    audiences.put(EXTRA, extra);
    return copy(p, p.description(), audiences, p.phases(), p.metrics(), p.gates(), p.alarms());
  }

  private static Plan tooManyAudiences(Plan p) {
    Map<String, Audience> audiences = new LinkedHashMap<>();
    for (int i = 0; i <= PlanLimits.AUDIENCES; i++) {
      audiences.put("a" + i, new Audience("email", Audience.Match.EQUALS, List.of("v")));
    }
    return copy(p, p.description(), audiences, p.phases(), p.metrics(), p.gates(), p.alarms());
  }

  private static Changed metric(Plan p, String field, String namespace, int lookbackMinutes) {
    MetricSpec spec = spec(namespace, Map.of(), Duration.ofMinutes(lookbackMinutes));
    return new Changed(metrics(p, spec), "metrics." + EXTRA + "." + field);
  }

  private static Changed dimensions(Plan p, int count, int valueLength) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      dimensions.put("D" + i, "v".repeat(valueLength));
    }
    String path = "metrics." + EXTRA + ".dimensions" + (count > 1 ? "" : ".D0");
    return new Changed(metrics(p, spec("App", dimensions, Duration.ofMinutes(10))), path);
  }

  private static MetricSpec spec(
      String namespace, Map<String, String> dimensions, Duration lookback) {
    return new MetricSpec(
        EXTRA,
        namespace,
        "Latency",
        null,
        "Average",
        dimensions,
        MetricSpec.Unit.NONE,
        Duration.ofMinutes(1),
        lookback);
  }

  /** The plan's metrics (at most 19) and {@code extra}. */
  private static Plan metrics(Plan p, MetricSpec extra) {
    Map<String, MetricSpec> metrics = new LinkedHashMap<>(p.metrics());
    metrics.keySet().retainAll(p.metrics().keySet().stream().limit(19).toList());
    metrics.put(extra.name(), extra);
    List<Gate> gates = p.gates().stream().filter(g -> metrics.containsKey(g.metric())).toList();
    return copy(p, p.description(), p.audiences(), p.phases(), metrics, gates, p.alarms());
  }

  private static Plan tooManyMetrics(Plan p) {
    Map<String, MetricSpec> metrics = new LinkedHashMap<>();
    for (int i = 0; i <= PlanLimits.METRICS; i++) {
      MetricSpec spec = spec("App", Map.of(), Duration.ofMinutes(10));
      metrics.put("m" + i, withName(spec, "m" + i));
    }
    return copy(p, p.description(), p.audiences(), p.phases(), metrics, List.of(), alarmsOr(p));
  }

  private static MetricSpec withName(MetricSpec s, String name) {
    return new MetricSpec(
        name,
        s.namespace(),
        s.metric(),
        s.ratio(),
        s.stat(),
        s.dimensions(),
        s.unit(),
        s.period(),
        s.lookback());
  }

  private static List<AlarmBinding> alarmsOr(Plan p) {
    return p.alarms().isEmpty() ? List.of(new AlarmBinding("way-back", false)) : p.alarms();
  }

  private static Changed gate(Plan p, String field, double threshold) {
    return gate(p, field, threshold, 100, 4, 0.95);
  }

  private static Changed gate(
      Plan p, String field, double threshold, long minSamples, int errorLimit, double confidence) {
    Gate gate =
        new Gate(
            EXTRA,
            EXTRA,
            Comparison.GT,
            new Threshold.Absolute(threshold),
            Duration.ZERO,
            GateAction.ROLLBACK,
            minSamples,
            MissingData.HOLD,
            errorLimit,
            confidence);
    return withGate(p, spec("App", Map.of(), Duration.ofMinutes(10)), gate, field);
  }

  private static Changed sustain(Plan p, Duration sustain) {
    Gate gate =
        new Gate(
            EXTRA,
            EXTRA,
            Comparison.GT,
            new Threshold.Absolute(1),
            sustain,
            GateAction.ROLLBACK,
            100,
            MissingData.HOLD,
            4,
            0.95);
    return withGate(p, spec("App", Map.of(), Duration.ofMinutes(10)), gate, "for");
  }

  private static Changed share(Plan p, Threshold threshold) {
    MetricSpec ratio =
        new MetricSpec(
            EXTRA,
            "App",
            null,
            new MetricSpec.Ratio("Errors", "Requests"),
            "Sum",
            Map.of("Variant", MetricSpec.VARIANT_PLACEHOLDER),
            MetricSpec.Unit.PERCENT,
            Duration.ofMinutes(1),
            Duration.ofMinutes(10));
    Gate gate =
        new Gate(
            EXTRA,
            EXTRA,
            Comparison.GT,
            threshold,
            Duration.ZERO,
            GateAction.ROLLBACK,
            100,
            MissingData.HOLD,
            4,
            0.95);
    String field = threshold instanceof Relative ? "relative" : "threshold";
    return withGate(p, ratio, gate, field);
  }

  /** The plan with metric {@code spec} and its gate last among at most 49 gates. */
  private static Changed withGate(Plan p, MetricSpec spec, Gate gate, String field) {
    Plan withMetric = metrics(p, spec);
    List<Gate> gates = new ArrayList<>(withMetric.gates().stream().limit(49).toList());
    gates.add(gate);
    Plan changed =
        copy(
            withMetric,
            p.description(),
            p.audiences(),
            p.phases(),
            withMetric.metrics(),
            gates,
            p.alarms());
    return new Changed(changed, "gates[" + (gates.size() - 1) + "]." + field);
  }

  private static Plan tooManyGates(Plan p) {
    Map<String, MetricSpec> metrics = Map.of(EXTRA, spec("App", Map.of(), Duration.ofMinutes(10)));
    List<Gate> gates = new ArrayList<>();
    for (int i = 0; i <= PlanLimits.GATES; i++) {
      gates.add(
          new Gate(
              "g" + i,
              EXTRA,
              Comparison.GT,
              new Threshold.Absolute(i),
              Duration.ZERO,
              GateAction.ROLLBACK,
              100,
              MissingData.HOLD,
              4,
              0.95));
    }
    return copy(p, p.description(), p.audiences(), p.phases(), metrics, gates, p.alarms());
  }

  private static Plan tooManyItems(Plan p) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i <= PlanLimits.CHECKLIST; i++) {
      items.add("item-" + i);
    }
    return new Plan(
        p.id(),
        p.description(),
        p.risk(),
        p.strategy(),
        p.target(),
        p.audiences(),
        p.phases(),
        p.metrics(),
        p.gates(),
        p.alarms(),
        p.window(),
        p.notifications(),
        items);
  }

  private static Changed tooManyDates(Plan p) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i <= PlanLimits.BLACKOUT_DATES; i++) {
      dates.add(LocalDate.of(2026, 1, 1).plusDays(i));
    }
    Window w = Presets.HIGH_RISK_WINDOW;
    Window window = new Window(w.days(), w.from(), w.to(), w.zone(), dates);
    return new Changed(withOps(p, p.target(), window, p.notifications()), "window.blackout");
  }

  private static Changed longTopic(Plan p) {
    Notify notify = new Notify("t".repeat(PlanLimits.TOPIC + 1), Notify.Digest.DAILY);
    return new Changed(withOps(p, p.target(), p.window(), notify), "notify.topic");
  }

  private static Changed longFunction(Plan p) {
    Target target = new Target.LambdaAlias("f".repeat(PlanLimits.FUNCTION + 1), "live", "1", "2");
    return new Changed(withOps(p, target, p.window(), p.notifications()), "target.function");
  }

  private static Plan withOps(Plan p, Target target, Window window, Notify notify) {
    return new Plan(
        p.id(),
        p.description(),
        p.risk(),
        p.strategy(),
        target,
        p.audiences(),
        p.phases(),
        p.metrics(),
        p.gates(),
        p.alarms(),
        window,
        notify,
        p.checklist());
  }
}

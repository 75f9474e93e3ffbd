package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Comparison;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.MissingData;
import dev.flightplan.core.plan.Threshold;
import java.time.Instant;
import java.util.Map;

/**
 * Judges one gate against one metric reading (docs/design.md §2.5). A BREACH is always the bad
 * outcome: for pause and rollback gates the condition {@code candidate op threshold} is the breach,
 * for require gates it is what must hold, so its negation is the breach ("unmet").
 */
public final class GateEvaluator {
  private GateEvaluator() {}

  /** One gate judged with its whole budget in one test: for contexts without phases. */
  public static GateResult evaluate(Gate gate, MetricReading reading, Unit unit) {
    return evaluate(gate, reading, unit, TestSegments.SINGLE, null);
  }

  /**
   * @param segments how the gate's sequential tests run over the phase
   * @param end the end of the newest whole period read
   */
  public static GateResult evaluate(
      Gate gate, MetricReading reading, Unit unit, TestSegments segments, Instant end) {
    return switch (reading) {
      case MetricReading.Failed failed ->
          result(gate, Verdict.ERROR, gate.metric() + " could not be read: " + failed.message());
      case MetricReading.Missing missing ->
          segments.awaitsFirstPeriod(end)
              ? result(gate, Verdict.INCONCLUSIVE, gate.metric() + ": " + missing.detail())
              : missing(gate, missing.detail());
      case MetricReading.Values values ->
          judge(gate, values, unit == null ? Unit.NONE : unit, segments, end)
              .withSamples(values.candidate(), values.baseline());
    };
  }

  private static GateResult judge(
      Gate gate, MetricReading.Values values, Unit unit, TestSegments segments, Instant end) {
    VariantSample candidate = values.candidate();
    if (candidate == null || Double.isNaN(candidate.value())) {
      return missing(gate, "no candidate datapoints");
    }
    if (segments.isStale(candidate.periods(), end)) {
      Instant newest =
          Instant.ofEpochSecond(candidate.periods().starts()[candidate.periods().size() - 1]);
      return missing(gate, "no candidate datapoints since " + newest);
    }
    if (tooFew(gate, candidate)) {
      return tooFew(gate, candidate, "");
    }
    if (gate.threshold() instanceof Threshold.Relative relative) {
      return RelativeCheck.judge(gate, relative, candidate, values.baseline(), unit, segments, end);
    }
    double bound = ((Threshold.Absolute) gate.threshold()).value();
    Comparison breachOp = breachOp(gate);
    boolean breached = breachOp.test(candidate.value(), bound);
    String message =
        relation(gate, candidate.value(), breached, GateValueFormat.value(bound, unit), unit)
            + unmet(gate, breached, GateValueFormat.value(bound, unit));
    Map<String, Double> shown = Map.of(gate.metric() + ".candidate", candidate.value());
    if (isTested(gate, candidate.isRatio())) {
      return rateGate(gate, candidate, bound, breached, message, shown, unit, segments, end);
    }
    return new GateResult(gate, breached ? Verdict.BREACH : Verdict.PASS, shown, message);
  }

  /**
   * Gates judged by an anytime-valid test, which share the rollout's false-alarm budget: relative
   * gates, and absolute rollback and pause gates on rates (ratios).
   */
  public static boolean isTested(Gate gate, boolean ratio) {
    return gate.isRelative() || (ratio && gate.action() != GateAction.REQUIRE);
  }

  /** Whether a breach lies above the bound ({@code >}, {@code >=}) rather than below it. */
  static boolean upward(Comparison breachOp) {
    return breachOp == Comparison.GT || breachOp == Comparison.GE;
  }

  /**
   * A rate gate breaches when a running test's own rate is past the threshold and significant, so a
   * regression is judged on the minutes since it began; past over the window but not significant
   * yet is inconclusive, and holds.
   */
  private static GateResult rateGate(
      Gate gate,
      VariantSample candidate,
      double bound,
      boolean breached,
      String message,
      Map<String, Double> shown,
      Unit unit,
      TestSegments segments,
      Instant end) {
    Comparison breachOp = breachOp(gate);
    boolean greater = upward(breachOp);
    SequentialCheck.Outcome recent =
        SequentialCheck.rateAbove(
            candidate, bound, greater, (c, b) -> breachOp.test(c, bound), segments, end);
    if (recent.past()) {
      String relation =
          relation(gate, recent.candidate(), true, GateValueFormat.value(bound, unit), unit)
              + over(recent.since(), end);
      Map<String, Double> values =
          Map.of(gate.metric() + ".candidate", recent.candidate(), "p", recent.p());
      return recent.p() < 1 - gate.confidence()
          ? new GateResult(
              gate, Verdict.BREACH, values, relation + ", " + GateValueFormat.pValue(recent.p()))
          : new GateResult(
              gate, Verdict.INCONCLUSIVE, values, RelativeCheck.notYet(relation, recent.p()));
    }
    if (!breached) {
      return new GateResult(gate, Verdict.PASS, shown, message);
    }
    double p =
        SequentialCheck.rateAbove(
                candidate, bound, greater, SequentialCheck.Past.ALWAYS, segments, end)
            .p();
    Map<String, Double> withP = new java.util.HashMap<>(shown);
    withP.put("p", p);
    return new GateResult(gate, Verdict.INCONCLUSIVE, withP, RelativeCheck.notYet(message, p));
  }

  /** " over the last 12m" for a test that began after the window did; empty otherwise. */
  static String over(Instant since, Instant end) {
    return since == null || end == null
        ? ""
        : " over the last "
            + dev.flightplan.core.plan.Durations.format(java.time.Duration.between(since, end));
  }

  static GateResult missing(Gate gate, String detail) {
    boolean breach = gate.missingData() == MissingData.BREACH;
    String consequence = breach ? ", counted as a breach" : ", holding";
    return result(
            gate,
            breach ? Verdict.BREACH : Verdict.INCONCLUSIVE,
            gate.metric() + ": no data (" + detail + ")" + consequence)
        .asNoData();
  }

  static boolean tooFew(Gate gate, VariantSample sample) {
    return sample.samples() >= 0 && sample.samples() < gate.minSamples();
  }

  static GateResult tooFew(Gate gate, VariantSample sample, String variant) {
    String message =
        gate.metric()
            + ": "
            + variant
            + "only "
            + sample.samples()
            + " of "
            + gate.minSamples()
            + " requests";
    return result(gate, Verdict.INCONCLUSIVE, message);
  }

  /** The comparison whose truth is a breach: the gate's own, negated for require gates. */
  static Comparison breachOp(Gate gate) {
    return gate.action() == GateAction.REQUIRE ? negate(gate.op()) : gate.op();
  }

  /** "error_rate 6.2% > 5%": the relation that actually holds between value and bound. */
  static String relation(Gate gate, double value, boolean breached, String bound, Unit unit) {
    Comparison shown = breached ? breachOp(gate) : negate(breachOp(gate));
    return gate.metric()
        + " "
        + GateValueFormat.value(value, unit)
        + " "
        + shown.symbol()
        + " "
        + bound;
  }

  static String unmet(Gate gate, boolean breached, String bound) {
    return gate.action() == GateAction.REQUIRE && breached
        ? " (unmet: needs " + gate.op().symbol() + " " + bound + ")"
        : "";
  }

  static Comparison negate(Comparison op) {
    return switch (op) {
      case GT -> Comparison.LE;
      case GE -> Comparison.LT;
      case LT -> Comparison.GE;
      case LE -> Comparison.GT;
    };
  }

  static GateResult result(Gate gate, Verdict verdict, String message) {
    return new GateResult(gate, verdict, Map.of(), message);
  }
}

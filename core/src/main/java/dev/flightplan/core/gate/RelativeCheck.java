package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Comparison;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.Threshold;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A relative gate: the candidate against a bound derived from the baseline. It breaches only when
 * the effect passes the bound and an anytime-valid test ({@link SequentialCheck}) finds the
 * candidate worse than the baseline at the gate's confidence. An effect past the bound that is not
 * significant yet is inconclusive: the rollout holds, neither advancing on it nor acting on it.
 */
final class RelativeCheck {
  private RelativeCheck() {}

  static GateResult judge(
      Gate gate,
      Threshold.Relative relative,
      VariantSample candidate,
      VariantSample baseline,
      Unit unit,
      TestSegments segments,
      Instant end) {
    if (baseline == null || Double.isNaN(baseline.value())) {
      return GateEvaluator.missing(gate, "no baseline datapoints");
    }
    if (GateEvaluator.tooFew(gate, baseline)) {
      return GateEvaluator.tooFew(gate, baseline, "baseline has ");
    }
    Comparison breachOp = GateEvaluator.breachOp(gate);
    boolean greater = GateEvaluator.upward(breachOp);
    SequentialCheck.Past past = (c, b) -> breachOp.test(c, relative.bound(b));
    SequentialCheck.Outcome recent = outcome(candidate, baseline, greater, past, segments, end);
    if (recent.past()) {
      return fromTest(gate, relative, recent, unit, end)
          .withBound(relative.bound(recent.baseline()));
    }
    double bound = relative.bound(baseline.value());
    return overall(gate, relative, candidate, baseline, unit, segments, end).withBound(bound);
  }

  /** No running test's own estimate is past the bound: judged on the window's totals. */
  private static GateResult overall(
      Gate gate,
      Threshold.Relative relative,
      VariantSample candidate,
      VariantSample baseline,
      Unit unit,
      TestSegments segments,
      Instant end) {
    Comparison breachOp = GateEvaluator.breachOp(gate);
    boolean greater = GateEvaluator.upward(breachOp);
    double bound = relative.bound(baseline.value());
    boolean pastOverall = breachOp.test(candidate.value(), bound);
    String boundText = boundText(relative, baseline.value(), unit);
    String relation = GateEvaluator.relation(gate, candidate.value(), pastOverall, boundText, unit);
    Map<String, Double> values = values(gate, candidate.value(), baseline.value());
    if (!pastOverall) {
      return new GateResult(gate, Verdict.PASS, values, relation);
    }
    if (!candidate.isRatio() && (candidate.points().length == 0 || baseline.points().length == 0)) {
      String message = relation + " but there are no per-period points to test significance";
      return new GateResult(gate, Verdict.INCONCLUSIVE, values, message);
    }
    // Past over the window though no test's own estimate is: not evidence enough to act on.
    double p =
        outcome(candidate, baseline, greater, SequentialCheck.Past.ALWAYS, segments, end).p();
    Map<String, Double> withP = new HashMap<>(values);
    withP.put("p", p);
    return new GateResult(gate, Verdict.INCONCLUSIVE, withP, notYet(relation, p));
  }

  /**
   * A running test whose own estimate is past the bound: a breach when it is significant, else
   * inconclusive, with the test's figures.
   */
  private static GateResult fromTest(
      Gate gate,
      Threshold.Relative relative,
      SequentialCheck.Outcome test,
      Unit unit,
      Instant end) {
    String boundText = boundText(relative, test.baseline(), unit);
    String relation =
        GateEvaluator.relation(gate, test.candidate(), true, boundText, unit)
            + GateEvaluator.over(test.since(), end);
    Map<String, Double> values = new HashMap<>(values(gate, test.candidate(), test.baseline()));
    values.put("p", test.p());
    if (test.p() < 1 - gate.confidence()) {
      String message =
          relation
              + GateEvaluator.unmet(gate, true, boundText)
              + ", "
              + GateValueFormat.pValue(test.p());
      return new GateResult(gate, Verdict.BREACH, values, message);
    }
    return new GateResult(gate, Verdict.INCONCLUSIVE, values, notYet(relation, test.p()));
  }

  /** "… but not significant yet (p=0.2), holding": past the bound without enough evidence. */
  static String notYet(String relation, double p) {
    return relation + " but not significant yet (" + GateValueFormat.pValue(p) + "), holding";
  }

  private static String boundText(Threshold.Relative relative, double baseline, Unit unit) {
    return GateValueFormat.value(relative.bound(baseline), unit)
        + " ("
        + GateValueFormat.relative(relative, baseline, unit)
        + ")";
  }

  private static Map<String, Double> values(Gate gate, double candidate, double baseline) {
    return Map.of(gate.metric() + ".candidate", candidate, gate.metric() + ".baseline", baseline);
  }

  /**
   * The best running test whose own estimate satisfies {@code past}: for ratios the exact
   * conditional test of the two rates, otherwise the per-period sign test.
   */
  private static SequentialCheck.Outcome outcome(
      VariantSample candidate,
      VariantSample baseline,
      boolean greater,
      SequentialCheck.Past past,
      TestSegments segments,
      Instant end) {
    return candidate.isRatio() && baseline.isRatio()
        ? SequentialCheck.rateAgainstBaseline(candidate, baseline, greater, past, segments, end)
        : SequentialCheck.worseEachPeriod(candidate, baseline, greater, past, segments, end);
  }
}

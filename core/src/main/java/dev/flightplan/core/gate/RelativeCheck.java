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
    boolean greater = breachOp == Comparison.GT || breachOp == Comparison.GE;
    if (candidate.isRatio() && baseline.isRatio()) {
      SequentialCheck.Past past = (c, b) -> breachOp.test(c, relative.bound(b));
      SequentialCheck.Outcome recent =
          SequentialCheck.rateAgainstBaseline(candidate, baseline, greater, past, segments, end);
      if (recent.p() < 1 - gate.confidence()) {
        return breach(gate, relative, recent, unit, end);
      }
    }
    double bound = relative.bound(baseline.value());
    boolean past = breachOp.test(candidate.value(), bound);
    String boundText = boundText(relative, baseline.value(), unit);
    String relation = GateEvaluator.relation(gate, candidate.value(), past, boundText, unit);
    Map<String, Double> values = values(gate, candidate.value(), baseline.value());
    if (!past) {
      return new GateResult(gate, Verdict.PASS, values, relation);
    }
    if (!candidate.isRatio() && (candidate.points().length == 0 || baseline.points().length == 0)) {
      String message = relation + " but there are no per-period points to test significance";
      return new GateResult(gate, Verdict.INCONCLUSIVE, values, message);
    }
    SequentialCheck.Outcome outcome = outcome(candidate, baseline, greater, segments, end);
    return tested(gate, relation, boundText, values, outcome.p());
  }

  /** A test whose own rates are past the bound found the candidate worse: the test's figures. */
  private static GateResult breach(
      Gate gate,
      Threshold.Relative relative,
      SequentialCheck.Outcome test,
      Unit unit,
      Instant end) {
    String boundText = boundText(relative, test.baseline(), unit);
    String relation = GateEvaluator.relation(gate, test.candidate(), true, boundText, unit);
    Map<String, Double> values = new HashMap<>(values(gate, test.candidate(), test.baseline()));
    values.put("p", test.p());
    String message =
        relation
            + GateEvaluator.unmet(gate, true, boundText)
            + GateEvaluator.over(test.since(), end)
            + ", "
            + GateValueFormat.pValue(test.p());
    return new GateResult(gate, Verdict.BREACH, values, message);
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

  /** "… but not significant yet (p=0.2), holding": past the bound without enough evidence. */
  static String notYet(String relation, double p) {
    return relation + " but not significant yet (" + GateValueFormat.pValue(p) + "), holding";
  }

  /** Past the bound: a breach when significant, otherwise inconclusive. */
  private static GateResult tested(
      Gate gate, String relation, String boundText, Map<String, Double> values, double p) {
    Map<String, Double> withP = new HashMap<>(values);
    withP.put("p", p);
    if (p < 1 - gate.confidence()) {
      String unmet = GateEvaluator.unmet(gate, true, boundText);
      return new GateResult(
          gate, Verdict.BREACH, withP, relation + unmet + ", " + GateValueFormat.pValue(p));
    }
    return new GateResult(gate, Verdict.INCONCLUSIVE, withP, notYet(relation, p));
  }

  /**
   * The best test regardless of its own estimate: for ratios the exact conditional test of the two
   * rates, otherwise the per-period sign test.
   */
  private static SequentialCheck.Outcome outcome(
      VariantSample candidate,
      VariantSample baseline,
      boolean greater,
      TestSegments segments,
      Instant end) {
    return candidate.isRatio() && baseline.isRatio()
        ? SequentialCheck.rateAgainstBaseline(
            candidate, baseline, greater, SequentialCheck.Past.ALWAYS, segments, end)
        : SequentialCheck.worseEachPeriod(candidate, baseline, greater, segments, end);
  }
}

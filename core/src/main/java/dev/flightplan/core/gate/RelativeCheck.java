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
 * candidate worse than the baseline at the gate's confidence; an effect that is not significant
 * passes, and says so.
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
    double bound = relative.bound(baseline.value());
    Comparison breachOp = GateEvaluator.breachOp(gate);
    boolean past = breachOp.test(candidate.value(), bound);
    String boundText =
        GateValueFormat.value(bound, unit)
            + " ("
            + GateValueFormat.relative(relative, baseline.value(), unit)
            + ")";
    String relation = GateEvaluator.relation(gate, candidate.value(), past, boundText, unit);
    Map<String, Double> values =
        Map.of(
            gate.metric() + ".candidate",
            candidate.value(),
            gate.metric() + ".baseline",
            baseline.value());
    if (!past) {
      return new GateResult(gate, Verdict.PASS, values, relation);
    }
    if (!candidate.isRatio() && (candidate.points().length == 0 || baseline.points().length == 0)) {
      String message = relation + " but there are no per-period points to test significance";
      return new GateResult(gate, Verdict.INCONCLUSIVE, values, message);
    }
    SequentialCheck.Outcome outcome = outcome(candidate, baseline, breachOp, segments, end);
    return tested(gate, relation, boundText, values, outcome.p());
  }

  /** Past the bound: a breach when significant, otherwise a pass that says why. */
  private static GateResult tested(
      Gate gate, String relation, String boundText, Map<String, Double> values, double p) {
    Map<String, Double> withP = new HashMap<>(values);
    withP.put("p", p);
    if (p < 1 - gate.confidence()) {
      String unmet = GateEvaluator.unmet(gate, true, boundText);
      return new GateResult(
          gate, Verdict.BREACH, withP, relation + unmet + ", " + GateValueFormat.pValue(p));
    }
    String message = relation + " but not significant (" + GateValueFormat.pValue(p) + ")";
    return new GateResult(gate, Verdict.PASS, withP, message);
  }

  /**
   * One-sided in the direction of the breach: for ratios the exact conditional test of the two
   * rates, otherwise the per-period sign test.
   */
  private static SequentialCheck.Outcome outcome(
      VariantSample candidate,
      VariantSample baseline,
      Comparison breachOp,
      TestSegments segments,
      Instant end) {
    boolean greater = breachOp == Comparison.GT || breachOp == Comparison.GE;
    return candidate.isRatio() && baseline.isRatio()
        ? SequentialCheck.rateAgainstBaseline(candidate, baseline, greater, segments, end)
        : SequentialCheck.worseEachPeriod(candidate, baseline, greater, segments, end);
  }
}

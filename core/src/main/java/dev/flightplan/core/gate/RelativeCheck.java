package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Comparison;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.Threshold;
import java.util.HashMap;
import java.util.Map;

/**
 * A relative gate: the candidate against a bound derived from the baseline. It breaches only when
 * the effect passes the bound and the candidate-vs-baseline difference is significant at the gate's
 * confidence; an effect that is not significant passes, and says so.
 */
final class RelativeCheck {
  private RelativeCheck() {}

  static GateResult judge(
      Gate gate,
      Threshold.Relative relative,
      VariantSample candidate,
      VariantSample baseline,
      Unit unit) {
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
    double p = pValue(candidate, baseline, breachOp);
    if (Double.isNaN(p)) {
      String message = relation + " but there are no per-period points to test significance";
      return new GateResult(gate, Verdict.INCONCLUSIVE, values, message);
    }
    return tested(gate, relation, boundText, values, p);
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

  /** One-sided in the direction of the breach: a two-proportion test for ratios, else U. */
  private static double pValue(
      VariantSample candidate, VariantSample baseline, Comparison breachOp) {
    boolean greater = breachOp == Comparison.GT || breachOp == Comparison.GE;
    if (candidate.isRatio() && baseline.isRatio()) {
      return SignificanceTests.twoProportionPValue(
          candidate.numerator(),
          candidate.denominator(),
          baseline.numerator(),
          baseline.denominator(),
          greater);
    }
    return SignificanceTests.mannWhitneyPValue(candidate.points(), baseline.points(), greater);
  }
}

package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Comparison;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.MetricSpec.Unit;
import dev.flightplan.core.plan.Threshold;
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
        Format.value(bound, unit) + " (" + Format.relative(relative, baseline.value(), unit) + ")";
    String relation = GateEvaluator.relation(gate, candidate.value(), past, boundText, unit);
    String cKey = gate.metric() + ".candidate";
    String bKey = gate.metric() + ".baseline";
    if (!past) {
      return new GateResult(
          gate, Verdict.PASS, Map.of(cKey, candidate.value(), bKey, baseline.value()), relation);
    }
    double p = pValue(candidate, baseline, breachOp);
    if (Double.isNaN(p)) {
      String message = relation + " but there are no per-period points to test significance";
      return new GateResult(
          gate,
          Verdict.INCONCLUSIVE,
          Map.of(cKey, candidate.value(), bKey, baseline.value()),
          message);
    }
    Map<String, Double> values = Map.of(cKey, candidate.value(), bKey, baseline.value(), "p", p);
    if (p < 1 - gate.confidence()) {
      String message =
          relation + GateEvaluator.unmet(gate, true, boundText) + ", p=" + Format.pValue(p);
      return new GateResult(gate, Verdict.BREACH, values, message);
    }
    return new GateResult(
        gate, Verdict.PASS, values, relation + " but not significant (p=" + Format.pValue(p) + ")");
  }

  /** One-sided in the direction of the breach: a two-proportion test for ratios, else U. */
  private static double pValue(
      VariantSample candidate, VariantSample baseline, Comparison breachOp) {
    boolean greater = breachOp == Comparison.GT || breachOp == Comparison.GE;
    if (candidate.isRatio() && baseline.isRatio()) {
      return Statistics.twoProportionPValue(
          candidate.numerator(),
          candidate.denominator(),
          baseline.numerator(),
          baseline.denominator(),
          greater);
    }
    return Statistics.mannWhitneyPValue(candidate.points(), baseline.points(), greater);
  }
}

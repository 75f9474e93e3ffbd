package dev.flightplan.core.state;

import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.gate.Verdict;

/**
 * One gate's latest evaluation as the controller recorded it. Values are in the metric's own scale
 * (ratios as fractions); null where the evaluation did not have them.
 *
 * @param gate the gate's name in the plan
 * @param bound the absolute bound a relative gate compared the candidate with
 */
public record GateView(
    String gate,
    Verdict verdict,
    Double candidate,
    Double baseline,
    Long candidateSamples,
    Long baselineSamples,
    Double pValue,
    Double bound,
    String message) {

  public static GateView of(GateResult result) {
    return new GateView(
        result.gate().name(),
        result.verdict(),
        finite(result.valueOf("candidate")),
        finite(result.valueOf("baseline")),
        result.candidateSamples() < 0 ? null : result.candidateSamples(),
        result.baselineSamples() < 0 ? null : result.baselineSamples(),
        finite(result.values().get("p")),
        finite(result.bound()),
        result.message());
  }

  private static Double finite(Double value) {
    return value == null || !Double.isFinite(value) ? null : value;
  }
}

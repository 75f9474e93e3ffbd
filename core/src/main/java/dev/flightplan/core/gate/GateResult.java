package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Gate;
import java.util.Map;

/**
 * One gate's verdict at one evaluation, with the values behind it and a message a person can read
 * ("error_rate 6.2% > 5%").
 *
 * @param values e.g. {@code error_rate.candidate}, {@code error_rate.baseline}, and {@code p} for a
 *     significance test
 * @param candidateSamples requests (or datapoints) behind the candidate's reading; -1 when unknown
 * @param baselineSamples the same for the baseline; -1 when unknown
 * @param bound the absolute bound a relative gate compared the candidate with (derived from the
 *     baseline); NaN for absolute gates and when no baseline was read
 * @param noData the verdict comes from missing data, not from a value
 */
public record GateResult(
    Gate gate,
    Verdict verdict,
    Map<String, Double> values,
    String message,
    long candidateSamples,
    long baselineSamples,
    double bound,
    boolean noData) {
  public GateResult {
    values = Map.copyOf(values);
  }

  public GateResult(Gate gate, Verdict verdict, Map<String, Double> values, String message) {
    this(gate, verdict, values, message, -1, -1, Double.NaN, false);
  }

  /** This result with the sample counts of the readings it judged. */
  GateResult withSamples(VariantSample candidate, VariantSample baseline) {
    return new GateResult(
        gate,
        verdict,
        values,
        message,
        candidate == null ? -1 : candidate.samples(),
        baseline == null ? -1 : baseline.samples(),
        bound,
        noData);
  }

  GateResult withBound(double value) {
    return new GateResult(
        gate, verdict, values, message, candidateSamples, baselineSamples, value, noData);
  }

  GateResult asNoData() {
    return new GateResult(
        gate, verdict, values, message, candidateSamples, baselineSamples, bound, true);
  }

  /** A value of {@link #values()} for {@code variant} ({@code candidate}, {@code baseline}). */
  public Double valueOf(String variant) {
    return values.get(gate.metric() + "." + variant);
  }
}

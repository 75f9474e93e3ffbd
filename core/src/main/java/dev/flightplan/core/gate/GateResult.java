package dev.flightplan.core.gate;

import dev.flightplan.core.plan.Gate;
import java.util.Map;

/**
 * One gate's verdict at one evaluation, with the values behind it and a message a person can read
 * ("error_rate 6.2% > 5%").
 *
 * @param values e.g. {@code error_rate.candidate}, {@code error_rate.baseline}, and {@code p} for a
 *     significance test
 */
public record GateResult(Gate gate, Verdict verdict, Map<String, Double> values, String message) {
  public GateResult {
    values = Map.copyOf(values);
  }
}

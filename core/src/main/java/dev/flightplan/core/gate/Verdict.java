package dev.flightplan.core.gate;

/** The outcome of one gate at one evaluation. Errors and missing data are data, never passes. */
public enum Verdict {
  PASS,
  BREACH,
  INCONCLUSIVE,
  ERROR
}

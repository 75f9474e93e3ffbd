package dev.flightplan.client;

import dev.flightplan.evaluation.FlagEvaluation;

/**
 * Why {@link FlagClient#evaluate} answered as it did: the four reasons of the shared evaluator,
 * plus what only an in-process client can run into.
 */
public enum EvaluationReason {
  /** The unit matches an audience of the current ring. */
  AUDIENCE,
  /** The unit's bucket is below the rollout's basis points. */
  PERCENTAGE,
  /** The flag exposes something, but not to this unit. */
  OUT_OF_ROLLOUT,
  /** The flag exposes nothing. */
  OFF,
  /** The snapshot holds no such flag: the caller's default (baseline) applies. */
  UNKNOWN_FLAG,
  /**
   * Evaluated from a snapshot older than {@code staleAfter}: the answer is the last good one, but
   * it may lag the rollout.
   */
  STALE,
  /**
   * No answer could be had (no snapshot yet, the flag's item is unreadable, no unit): the caller's
   * default (baseline) applies.
   */
  ERROR;

  static EvaluationReason of(FlagEvaluation.Reason reason) {
    return switch (reason) {
      case AUDIENCE -> AUDIENCE;
      case PERCENTAGE -> PERCENTAGE;
      case OUT_OF_ROLLOUT -> OUT_OF_ROLLOUT;
      case OFF -> OFF;
    };
  }
}

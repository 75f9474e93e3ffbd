package dev.flightplan.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One append-only line of a rollout's history: a decision or a human action that changed state.
 *
 * @param seq 1, 2, 3… per rollout; with the rollout id it is the entry's key
 * @param actor {@code controller}, {@code alarm:<name>}, or the caller's IAM ARN
 * @param action the decision ({@code ADVANCE}, {@code ROLLBACK}…) or command ({@code START}…), in
 *     the one spelling of {@link HistoryActions}; older lower-case entries read upper-cased
 * @param gate the gate or alarm behind a decision, or null
 * @param values observed metric values behind a decision
 */
public record HistoryEntry(
    String rolloutId,
    long seq,
    Instant at,
    String actor,
    String action,
    RolloutStatus from,
    RolloutStatus to,
    int phase,
    String gate,
    Map<String, Double> values,
    String reason) {

  public HistoryEntry {
    action = HistoryActions.canonical(action);
    values = Map.copyOf(values);
  }

  /**
   * Checks that {@code entries} belong to rollout {@code id} and continue its history after seq
   * {@code after} in increasing order; every store enforces this before it appends.
   */
  public static void requireAppendable(String id, long after, List<HistoryEntry> entries) {
    long last = after;
    for (HistoryEntry entry : entries) {
      if (!entry.rolloutId().equals(id) || entry.seq() <= last) {
        throw new IllegalArgumentException(
            "history of "
                + id
                + " must be appended in order: entry "
                + entry.seq()
                + " after "
                + last);
      }
      last = entry.seq();
    }
  }
}

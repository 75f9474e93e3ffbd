package dev.flightplan.core.change;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.UnreadableRollout;
import java.util.List;

/**
 * A state change of a rollout whose plan cannot be read, ready for {@code updateState}: the rollout
 * with its next state (still carrying the version it was derived from) and the history entries.
 */
public record UnreadableChange(UnreadableRollout rollout, List<HistoryEntry> history) {
  public UnreadableChange {
    history = List.copyOf(history);
  }
}

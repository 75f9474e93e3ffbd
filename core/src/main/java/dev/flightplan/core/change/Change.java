package dev.flightplan.core.change;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.util.List;

/**
 * A state change ready for a conditional write: the rollout as it should be stored (still carrying
 * the version it was derived from) and the history entries that go with it.
 *
 * @param event what happened ({@code ROLLBACK}, {@code ADVANCE}…), or {@code HOLD} for a write of
 *     gate streaks and the controller's view only
 */
public record Change(Rollout rollout, List<HistoryEntry> history, String event) {
  public static final String HOLD = "HOLD";

  public Change {
    history = List.copyOf(history);
  }
}

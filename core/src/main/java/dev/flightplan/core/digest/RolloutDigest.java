package dev.flightplan.core.digest;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.util.List;

/**
 * What a digest says about one rollout: its state as the tick read it, and its history entries of
 * the period, oldest first.
 */
public record RolloutDigest(Rollout rollout, List<HistoryEntry> changes) {
  public RolloutDigest {
    changes = List.copyOf(changes);
  }
}

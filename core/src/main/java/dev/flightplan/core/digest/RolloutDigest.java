package dev.flightplan.core.digest;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.time.Instant;
import java.util.List;

/**
 * What a digest says about one rollout: its state as the tick read it, its history entries of the
 * period, oldest first, and when the digest was composed (its ETA counts from there).
 */
public record RolloutDigest(Rollout rollout, List<HistoryEntry> changes, Instant at) {
  public RolloutDigest {
    changes = List.copyOf(changes);
  }
}

package dev.flightplan.core.series;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which phase's exposure was live when, read from a rollout's history: what a simulated source
 * needs to draw past periods under the conditions they had. A phase index of -1 means no exposure
 * (before start, after a rollback or abort).
 */
public record ExposureTimeline(List<Change> changes) {
  public static final ExposureTimeline NONE = new ExposureTimeline(List.of());

  /** From {@code at} on, the exposure of phase {@code phase}. */
  public record Change(Instant at, int phase) {}

  public ExposureTimeline {
    changes = List.copyOf(changes);
  }

  public static ExposureTimeline of(List<HistoryEntry> history) {
    List<Change> changes = new ArrayList<>();
    for (HistoryEntry entry : history) {
      int phase = exposed(entry.to()) ? entry.phase() : -1;
      if (changes.isEmpty() || changes.getLast().phase() != phase) {
        changes.add(new Change(entry.at(), phase));
      }
    }
    return new ExposureTimeline(changes);
  }

  /** The phase exposed at {@code at}; -1 when none. */
  public int phaseAt(Instant at) {
    int phase = -1;
    for (Change change : changes) {
      if (change.at().isAfter(at)) {
        break;
      }
      phase = change.phase();
    }
    return phase;
  }

  /** When exposure first began; null when it never did. */
  public Instant startedAt() {
    return changes.stream().filter(c -> c.phase() >= 0).map(Change::at).findFirst().orElse(null);
  }

  private static boolean exposed(RolloutStatus status) {
    return switch (status) {
      case RUNNING, PAUSED, AWAITING_APPROVAL, COMPLETED -> true;
      case DRAFT, ROLLED_BACK, ABORTED -> false;
    };
  }
}

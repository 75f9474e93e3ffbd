package dev.flightplan.core.simulate;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.state.HistoryEntry;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One decision or command of a simulated rollout, from its history.
 *
 * @param decision the history action: {@code ADVANCE}, {@code ROLLBACK}… or a command ({@code
 *     start}, {@code approve})
 * @param actor {@code controller}, {@code alarm:<name>} or {@code simulator}
 * @param phase the phase the rollout is in afterwards, or null when none (draft, rolled back)
 * @param percent the percent exposed afterwards (audiences of ring phases come on top)
 * @param gate the gate behind a decision, or null
 * @param values observed values behind a decision, sorted by name
 */
public record TimelineEntry(
    Instant time,
    String decision,
    String actor,
    String phase,
    double percent,
    String gate,
    Map<String, Double> values,
    String reason) {

  public TimelineEntry {
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  static TimelineEntry of(Plan plan, HistoryEntry entry) {
    int index = entry.phase();
    String phase = index >= 0 && index <= plan.lastPhase() ? plan.phases().get(index).name() : null;
    double percent = plan.exposureAt(entry.phase()).basisPoints() / 100.0;
    return new TimelineEntry(
        entry.at(),
        entry.action(),
        entry.actor(),
        phase,
        percent,
        entry.gate(),
        entry.values(),
        entry.reason());
  }
}

package dev.flightplan.client;

import dev.flightplan.evaluation.FlagExposure;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every flag the client knows at one moment, immutable: replaced whole by each good read, so an
 * evaluation sees one consistent state with a single volatile read.
 *
 * @param fetchedAt when the flags were read from the table (for a bootstrap file, when the client
 *     that wrote it had read them)
 */
record FlagSnapshot(Map<String, SnapshotEntry> entries, Instant fetchedAt) {
  FlagSnapshot {
    entries = Map.copyOf(entries);
  }

  static FlagSnapshot of(Collection<FlagExposure> flags, Instant fetchedAt) {
    Map<String, SnapshotEntry> entries = new HashMap<>();
    flags.forEach(f -> entries.put(f.flagKey(), SnapshotEntry.of(f)));
    return new FlagSnapshot(entries, fetchedAt);
  }

  /**
   * The snapshot after {@code read}: unchanged flags keep their entry (and its hashed prefix), and
   * an unreadable item keeps the flag's last good value from {@code previous}.
   */
  static FlagSnapshot after(FlagSnapshot previous, FlagRead read, Instant fetchedAt) {
    Map<String, SnapshotEntry> entries = new HashMap<>();
    read.flags()
        .forEach(
            (key, flag) -> {
              SnapshotEntry before = previous == null ? null : previous.entry(key);
              boolean same = before != null && flag.equals(before.flag());
              entries.put(key, same ? before : SnapshotEntry.of(flag));
            });
    for (String key : read.unreadable().keySet()) {
      SnapshotEntry before = previous == null ? null : previous.entry(key);
      entries.put(key, before != null ? before : SnapshotEntry.unreadable(key));
    }
    return new FlagSnapshot(entries, fetchedAt);
  }

  SnapshotEntry entry(String flagKey) {
    return entries.get(flagKey);
  }

  /** The keys added, removed or changed from {@code before} to this, sorted. */
  Set<String> changedSince(FlagSnapshot before) {
    Set<String> keys = new HashSet<>(entries.keySet());
    keys.addAll(before.entries.keySet());
    Set<String> changed = new TreeSet<>();
    for (String key : keys) {
      SnapshotEntry now = entries.get(key);
      if (now == null || !now.sameAs(before.entries.get(key))) {
        changed.add(key);
      }
    }
    return changed;
  }
}

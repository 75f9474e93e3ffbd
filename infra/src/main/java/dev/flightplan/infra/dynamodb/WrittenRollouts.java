package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.state.Rollout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rollouts this process wrote last, one per id, the most recently written kept when there are
 * too many. A plan replacement at the version written last here starts from this copy instead of a
 * read; the write's version condition catches a copy another writer has moved on from.
 */
final class WrittenRollouts {
  static final int CAPACITY = 256;

  private final Map<String, Rollout> byId =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rollout> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Keeps {@code written} unless a later version of it is kept already (writers may race). */
  synchronized Rollout remember(Rollout written) {
    byId.merge(
        written.id(), written, (kept, next) -> next.version() >= kept.version() ? next : kept);
    return written;
  }

  /** The copy written at {@code version}, if that is the one kept. */
  synchronized Optional<Rollout> at(String id, long version) {
    Rollout kept = byId.get(id);
    return kept != null && kept.version() == version ? Optional.of(kept) : Optional.empty();
  }

  synchronized void forget(String id) {
    byId.remove(id);
  }
}

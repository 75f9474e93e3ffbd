package dev.flightplan.core.service;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A store that runs other writers just before a conditional update, as if they had slipped in
 * between the caller's read and its write. Writers queued with {@link #beforeNextUpdate} run once
 * each, one per update; writers running inside a hook are not interleaved again.
 */
final class InterleavingStore extends DelegatingStore {
  private final Deque<Runnable> hooks = new ArrayDeque<>();
  private boolean inHook;

  InterleavingStore(RolloutStore delegate) {
    super(delegate);
  }

  void beforeNextUpdate(Runnable writer) {
    hooks.addLast(writer);
  }

  void clearHooks() {
    hooks.clear();
  }

  @Override
  public Rollout update(Rollout rollout, List<HistoryEntry> history) {
    if (!inHook && !hooks.isEmpty()) {
      Runnable hook = hooks.removeFirst();
      inHook = true;
      try {
        hook.run();
      } finally {
        inHook = false;
      }
    }
    return super.update(rollout, history);
  }
}

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

  synchronized void beforeNextUpdate(Runnable writer) {
    hooks.addLast(writer);
  }

  synchronized void clearHooks() {
    hooks.clear();
  }

  @Override
  public Rollout update(Rollout rollout, List<HistoryEntry> history) {
    Runnable hook = takeHook();
    if (hook != null) {
      try {
        hook.run();
      } finally {
        hookEnded();
      }
    }
    return super.update(rollout, history);
  }

  /**
   * The next hook, unless one is running: an alarm's bound rollouts write from several threads, and
   * a hook's own writes may come from other threads than the one that runs it.
   */
  private synchronized Runnable takeHook() {
    if (inHook || hooks.isEmpty()) {
      return null;
    }
    inHook = true;
    return hooks.removeFirst();
  }

  private synchronized void hookEnded() {
    inHook = false;
  }
}

package dev.flightplan.client;

import java.util.Set;

/**
 * Hears what the client's refresh thread sees. Callbacks run on that thread, one at a time; keep
 * them short. An exception a callback throws is logged and ignored. Every method does nothing by
 * default.
 */
public interface FlagClientListener {
  /** A fresh snapshot is there: after the first good read, and again after STALE or ERROR. */
  default void ready() {}

  /**
   * A read found flags added, removed or with another exposure. The first snapshot is not a change;
   * a bootstrap snapshot followed by a different read is.
   */
  default void changed(Set<String> flagKeys) {}

  /** The snapshot has grown older than {@code staleAfter}: reads keep failing. */
  default void stale() {}

  /** A read failed, or some flag items in it could not be read; the last good values stay. */
  default void error(Exception cause) {}
}

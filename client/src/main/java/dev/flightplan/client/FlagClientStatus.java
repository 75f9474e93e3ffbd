package dev.flightplan.client;

/** Whether a {@link FlagClient} has a snapshot to evaluate from, and how fresh it is. */
public enum FlagClientStatus {
  /** No snapshot yet, and no read has failed yet: the first read is still under way. */
  NOT_READY,
  /** A snapshot younger than {@code staleAfter}. */
  READY,
  /** The last good snapshot is older than {@code staleAfter}; it is still served. */
  STALE,
  /** No snapshot, and the last read failed (or the client is closed): callers get defaults. */
  ERROR
}

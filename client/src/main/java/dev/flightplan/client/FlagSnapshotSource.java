package dev.flightplan.client;

/** Where the client reads flags from on every poll: the flags table, or a test's fake. */
@FunctionalInterface
interface FlagSnapshotSource {
  /** Reads every flag the client watches; throws when the read as a whole failed. */
  FlagRead read();
}

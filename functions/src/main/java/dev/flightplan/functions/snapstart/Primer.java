package dev.flightplan.functions.snapstart;

/**
 * Warms what a SnapStart snapshot should hold. Must not call AWS: the snapshot is taken offline.
 */
@FunctionalInterface
public interface Primer {
  /** Nothing to warm: in-memory ports. */
  Primer NONE = () -> {};

  void prime();
}

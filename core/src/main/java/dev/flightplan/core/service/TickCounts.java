package dev.flightplan.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts what a tick did, as it goes. */
final class TickCounts {
  private int evaluated;
  private int advanced;
  private int paused;
  private int awaitingApproval;
  private int rolledBack;
  private int completed;
  private int held;
  private int failed;

  void evaluated(Optional<Change> change) {
    evaluated++;
    switch (change.map(Change::event).orElse(Change.HOLD)) {
      case Events.ADVANCE -> advanced++;
      case Events.PAUSE -> paused++;
      case Events.AWAITING_APPROVAL -> awaitingApproval++;
      case Events.ROLLBACK -> rolledBack++;
      case Events.COMPLETE -> completed++;
      default -> held++;
    }
  }

  void failed() {
    failed++;
  }

  TickReport report(Instant minute, Duration duration) {
    return new TickReport(
        minute,
        false,
        evaluated,
        advanced,
        paused,
        awaitingApproval,
        rolledBack,
        completed,
        held,
        failed,
        duration);
  }
}

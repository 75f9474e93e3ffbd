package dev.flightplan.core.service;

import dev.flightplan.core.change.Change;
import dev.flightplan.core.change.NotificationEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts what a tick did, as it goes; its rollouts may be handled by several threads. */
final class TickCounts {
  private int evaluated;
  private int advanced;
  private int paused;
  private int awaitingApproval;
  private int rolledBack;
  private int completed;
  private int held;
  private int failed;
  private int quarantined;

  synchronized void evaluated(Optional<Change> change) {
    evaluated++;
    switch (change.map(Change::event).orElse(Change.HOLD)) {
      case NotificationEvents.ADVANCE -> advanced++;
      case NotificationEvents.PAUSE -> paused++;
      case NotificationEvents.AWAITING_APPROVAL -> awaitingApproval++;
      case NotificationEvents.ROLLBACK -> rolledBack++;
      case NotificationEvents.COMPLETE -> completed++;
      default -> held++;
    }
  }

  synchronized void failed() {
    failed++;
  }

  synchronized void quarantined() {
    quarantined++;
  }

  synchronized TickReport report(Instant minute, Duration duration) {
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
        quarantined,
        duration);
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.state.Notification.Severity;
import java.util.Map;

/**
 * What a state change records: its history line and, when {@code event} is set, the notification
 * that announces it.
 *
 * @param action the decision ({@code ROLLBACK}…) or command ({@code start}…) for the history
 * @param gate the gate or {@code alarm:<name>} behind a decision, or null
 * @param event the notification's event type, or null when the change is not announced
 */
record Entry(
    String actor,
    String action,
    String gate,
    Map<String, Double> values,
    String reason,
    String event,
    Severity severity) {

  Entry {
    values = Map.copyOf(values);
  }

  static Entry quiet(String actor, String action, String reason) {
    return new Entry(actor, action, null, Map.of(), reason, null, null);
  }

  static Entry announced(String actor, String action, String reason, String event) {
    return new Entry(actor, action, null, Map.of(), reason, event, severityOf(event));
  }

  static Severity severityOf(String event) {
    return switch (event) {
      case Events.ROLLBACK -> Severity.CRITICAL;
      case Events.PAUSE, Events.ABORT -> Severity.WARNING;
      default -> Severity.INFO;
    };
  }
}

package dev.flightplan.core.change;

import dev.flightplan.core.plan.AlarmBinding;
import dev.flightplan.core.state.AlarmState;
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
record ChangeRecord(
    String actor,
    String action,
    String gate,
    Map<String, Double> values,
    String reason,
    String event,
    Severity severity) {

  ChangeRecord {
    values = Map.copyOf(values);
  }

  /** The record of a rollback an alarm caused: the alarm is both actor and cause. */
  static ChangeRecord alarmRollback(String alarmNameOrArn, AlarmState alarmState) {
    String name = AlarmBinding.alarmName(alarmNameOrArn);
    String cause = "alarm:" + name;
    String reason = "alarm " + name + " entered " + alarmState;
    return new ChangeRecord(
        cause, "ROLLBACK", cause, Map.of(), reason, NotificationEvents.ROLLBACK, Severity.CRITICAL);
  }

  static ChangeRecord quiet(String actor, String action, String reason) {
    return new ChangeRecord(actor, action, null, Map.of(), reason, null, null);
  }

  static ChangeRecord announced(String actor, String action, String reason, String event) {
    return new ChangeRecord(actor, action, null, Map.of(), reason, event, severityOf(event));
  }

  static Severity severityOf(String event) {
    return switch (event) {
      case NotificationEvents.ROLLBACK -> Severity.CRITICAL;
      case NotificationEvents.PAUSE, NotificationEvents.ABORT -> Severity.WARNING;
      default -> Severity.INFO;
    };
  }
}

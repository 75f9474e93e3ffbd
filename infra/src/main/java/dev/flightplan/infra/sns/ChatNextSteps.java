package dev.flightplan.infra.sns;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.state.Notification;
import java.util.List;

/** What a person in the channel can do next, as the commands of the {@code flightplan} CLI. */
final class ChatNextSteps {
  private ChatNextSteps() {}

  static List<String> of(Notification notification) {
    String id = notification.rolloutId();
    if (id == null) {
      return List.of("See every rollout: `flightplan list`");
    }
    String get = "See it: `flightplan get " + id + "`";
    return switch (notification.eventType()) {
      case NotificationEvents.ROLLBACK ->
          List.of(
              "See why: `flightplan history " + id + "`",
              "After a fix, apply a new revision and `flightplan retry " + id + "`");
      case NotificationEvents.PAUSE ->
          List.of(
              get,
              "When it is safe: `flightplan resume " + id + "`",
              "Or take it back: `flightplan rollback " + id + "`");
      case NotificationEvents.AWAITING_APPROVAL ->
          List.of(get, "To go on: `flightplan approve " + id + "`");
      case NotificationEvents.QUARANTINED ->
          List.of(get, "Until its plan reads again only `rollback` and `abort` work");
      default -> List.of(get);
    };
  }
}

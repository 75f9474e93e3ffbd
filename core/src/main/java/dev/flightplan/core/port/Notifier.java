package dev.flightplan.core.port;

import dev.flightplan.core.state.Notification;

/** Announces state changes (SNS in AWS). Throws {@link NotifierException} when it could not. */
public interface Notifier {
  void send(Notification notification) throws NotifierException;

  /**
   * Sends to the destination a plan names in {@code notify.topic} (an alias such as {@code
   * default}). Notifiers with a single destination ignore the alias.
   */
  default void send(Notification notification, String topic) throws NotifierException {
    send(notification);
  }
}

package dev.flightplan.core.port;

import dev.flightplan.core.state.Notification;

/** Announces state changes (SNS in AWS). Throws {@link NotifierException} when it could not. */
public interface Notifier {
  void send(Notification notification) throws NotifierException;
}

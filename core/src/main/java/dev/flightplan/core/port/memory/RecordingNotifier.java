package dev.flightplan.core.port.memory;

import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.NotifierException;
import dev.flightplan.core.state.Notification;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was sent, in order; can be told to fail the next sends, like an SNS outage. */
public class RecordingNotifier implements Notifier {
  private final List<Notification> sent = new ArrayList<>();
  private int failuresLeft;
  private int attempts;

  /** The next {@code count} sends fail. */
  public synchronized void failNext(int count) {
    failuresLeft = count;
  }

  public synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** Sends tried, failed ones included. */
  public synchronized int attempts() {
    return attempts;
  }

  @Override
  public synchronized void send(Notification notification) {
    attempts++;
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new NotifierException("notifier told to fail: " + notification.id(), null);
    }
    sent.add(notification);
  }
}

package dev.flightplan.core.service;

import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.state.Notification;
import java.util.ArrayList;
import java.util.List;

/** A recording notifier that also keeps the topic each notification was sent to. */
final class TopicRecordingNotifier extends RecordingNotifier {
  record Sent(String topic, Notification notification) {}

  private final List<Sent> sentTo = new ArrayList<>();

  @Override
  public synchronized void send(Notification notification, String topic) {
    super.send(notification);
    sentTo.add(new Sent(topic, notification));
  }

  synchronized List<Notification> sentTo(String topic, String eventType) {
    return sentTo.stream()
        .filter(s -> s.topic().equals(topic) && s.notification().eventType().equals(eventType))
        .map(Sent::notification)
        .toList();
  }
}

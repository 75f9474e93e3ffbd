package dev.flightplan.core.port.memory;

import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.NotifierContract;
import java.util.List;

class RecordingNotifierTest extends NotifierContract {
  private final RecordingNotifier notifier = new RecordingNotifier();

  @Override
  protected Notifier notifier() {
    return notifier;
  }

  @Override
  protected List<Delivered> delivered() {
    return notifier.sent().stream()
        .map(n -> new Delivered(n.id(), n.eventType(), n.severity(), n.rolloutId(), n.subject()))
        .toList();
  }

  @Override
  protected void breakIt() {
    notifier.failNext(Integer.MAX_VALUE);
  }
}

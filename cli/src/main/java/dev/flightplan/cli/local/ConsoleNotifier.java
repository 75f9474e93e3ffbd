package dev.flightplan.cli.local;

import dev.flightplan.cli.TerminalText;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.NotifierException;
import dev.flightplan.core.state.Notification;
import java.io.PrintWriter;

/**
 * Prints one line per notification, and passes it on to SNS as well when a topic was given: what
 * the deployed controller would announce, visible in the terminal. The texts are escaped: a reason
 * given to the API cannot forge a line or steer the terminal.
 */
final class ConsoleNotifier implements Notifier {
  private final PrintWriter out;
  private final Notifier next;

  /**
   * @param next where notifications also go (SNS), or null
   */
  ConsoleNotifier(PrintWriter out, Notifier next) {
    this.out = out;
    this.next = next;
  }

  @Override
  public void send(Notification notification) throws NotifierException {
    print(notification);
    if (next != null) {
      next.send(notification);
    }
  }

  @Override
  public void send(Notification notification, String topic) throws NotifierException {
    print(notification);
    if (next != null) {
      next.send(notification, topic);
    }
  }

  private void print(Notification n) {
    String line =
        String.format(
            "notify  %s  %-8s %s %s: %s",
            n.at(),
            n.severity(),
            n.rolloutId() == null ? "-" : n.rolloutId(),
            n.eventType(),
            n.subject());
    out.println(TerminalText.escape(line));
    out.flush();
  }
}

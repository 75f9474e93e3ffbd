package dev.flightplan.core.progress;

import dev.flightplan.core.plan.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * When the controller looks at a rollout: once a minute, on the minute. It only moves a rollout on
 * such a tick, so every time an ETA names is one of them.
 */
public final class ControllerTicks {
  /** The schedule's rate. */
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  // A window opens at most once a day; this many tries cover years of closed days.
  private static final int MAX_OPENINGS = 5_000;

  private ControllerTicks() {}

  /** The first tick after {@code now}: the one at {@code now} itself, if any, has already run. */
  public static Instant after(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES).plus(INTERVAL);
  }

  /** The first tick at or after {@code at}. */
  static Instant atOrAfter(Instant at) {
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    return minute.equals(at) ? at : minute.plus(INTERVAL);
  }

  /**
   * The first tick at or after {@code from} at which {@code window} is open; empty when it never
   * opens again.
   */
  static Optional<Instant> firstOpen(Window window, Instant from) {
    Instant tick = atOrAfter(from);
    for (int i = 0; i < MAX_OPENINGS; i++) {
      if (window.isOpen(tick)) {
        return Optional.of(tick);
      }
      Optional<Instant> opening = window.nextOpening(tick);
      if (opening.isEmpty()) {
        return Optional.empty();
      }
      Instant next = atOrAfter(earlier(opening.get(), clockChange(window, tick)));
      tick = next.isAfter(tick) ? next : tick.plus(INTERVAL);
    }
    return Optional.empty();
  }

  /**
   * The next daylight-saving change after {@code at}: when the clock goes back, a window can open
   * again at the change itself, at no {@code from} of its own (the repeated hour).
   */
  private static Instant clockChange(Window window, Instant at) {
    ZoneOffsetTransition change = window.zone().getRules().nextTransition(at);
    return change == null ? null : change.getInstant();
  }

  private static Instant earlier(Instant a, Instant b) {
    return b != null && b.isBefore(a) ? b : a;
  }
}

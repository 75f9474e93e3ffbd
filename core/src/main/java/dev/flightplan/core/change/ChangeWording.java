package dev.flightplan.core.change;

import dev.flightplan.core.decide.Wording;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.progress.Eta;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The words people read: notification subjects and bodies, phase descriptions. */
final class ChangeWording {
  /** The events whose message carries an ETA line: those after which the rollout goes on. */
  private static final Set<String> SAYS_WHEN_DONE =
      Set.of(
          NotificationEvents.START,
          NotificationEvents.ADVANCE,
          NotificationEvents.RESUME,
          NotificationEvents.APPROVED,
          NotificationEvents.AWAITING_APPROVAL);

  private ChangeWording() {}

  static Notification notification(
      String rolloutId,
      long seq,
      RolloutStatus from,
      RolloutState to,
      Plan plan,
      ChangeRecord entry,
      Instant now) {
    String subject = "[" + entry.event() + "] " + rolloutId + ": " + entry.reason();
    return new Notification(
        rolloutId + ":" + seq,
        rolloutId,
        entry.event(),
        entry.severity(),
        subject,
        body(rolloutId, from, to, plan, entry, now),
        entry.values(),
        now);
  }

  /** A phase as people name it: {@code standard-5 (5%)}, {@code internal (employees)}. */
  static String phase(Plan plan, int index) {
    return Wording.phase(plan, index);
  }

  /** "paused by alice: latency looks odd" */
  static String byActor(String verb, String actor, String reason) {
    String why = reason == null || reason.isBlank() ? "" : ": " + reason;
    return verb + " by " + actor + why;
  }

  private static String body(
      String rolloutId,
      RolloutStatus from,
      RolloutState to,
      Plan plan,
      ChangeRecord entry,
      Instant now) {
    StringBuilder text = new StringBuilder();
    text.append("Rollout ").append(rolloutId).append(": ").append(entry.reason()).append('\n');
    text.append("Status: ").append(from).append(" -> ").append(to.status()).append('\n');
    text.append("Phase: ").append(phase(plan, to.phase())).append('\n');
    if (entry.gate() != null) {
      text.append("Cause: ").append(entry.gate()).append('\n');
    }
    if (!entry.values().isEmpty()) {
      text.append("Observed: ").append(values(entry.values())).append('\n');
    }
    text.append("By: ").append(entry.actor()).append(" at ").append(now).append('\n');
    if (SAYS_WHEN_DONE.contains(entry.event())) {
      // Times on the clock of the plan's window, the one its team plans by (UTC without one).
      Eta.of(plan, to, now)
          .ifPresent(eta -> text.append(eta.line(plan.window().zone())).append('\n'));
    }
    return text.toString();
  }

  private static String values(Map<String, Double> values) {
    return new TreeMap<>(values)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }
}

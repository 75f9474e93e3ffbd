package dev.flightplan.core.change;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Instant;

/** The words of notifications about a rollout whose plan cannot be read. */
final class UnreadableWording {
  private UnreadableWording() {}

  static Notification notification(
      UnreadableRollout rollout,
      long seq,
      RolloutStatus from,
      RolloutState to,
      ChangeRecord entry,
      Instant now) {
    String subject = "[" + entry.event() + "] " + rollout.id() + ": " + entry.reason();
    return new Notification(
        rollout.id() + ":" + seq,
        rollout.id(),
        entry.event(),
        entry.severity(),
        subject,
        body(rollout, from, to, entry, now),
        entry.values(),
        now);
  }

  private static String body(
      UnreadableRollout rollout,
      RolloutStatus from,
      RolloutState to,
      ChangeRecord entry,
      Instant now) {
    StringBuilder text = new StringBuilder();
    text.append("Rollout ").append(rollout.id()).append(": ").append(entry.reason()).append('\n');
    text.append("Status: ").append(from).append(" -> ").append(to.status()).append('\n');
    text.append("The stored plan could not be read: ").append(rollout.problem()).append('\n');
    text.append("Exposure: ").append(exposure(rollout, to)).append('\n');
    if (entry.gate() != null) {
      text.append("Cause: ").append(entry.gate()).append('\n');
    }
    text.append("By: ").append(entry.actor()).append(" at ").append(now).append('\n');
    return text.toString();
  }

  private static String exposure(UnreadableRollout rollout, RolloutState to) {
    if (to.desiredPhase() >= 0) {
      return "left as it is and no longer watched; roll back or abort (both work without the"
          + " plan), or store a plan that reads";
    }
    if (rollout.target().isEmpty()) {
      return "the target could not be read either: take any exposure back by hand";
    }
    return to.actuationPending() ? "taken to none on " + describe(rollout.target().get()) : "none";
  }

  private static String describe(Target target) {
    return switch (target) {
      case Target.Flag flag -> "flag " + flag.flag();
      case Target.LambdaAlias alias ->
          "alias " + alias.alias() + " of " + alias.function() + " (stable " + alias.stable() + ")";
    };
  }
}

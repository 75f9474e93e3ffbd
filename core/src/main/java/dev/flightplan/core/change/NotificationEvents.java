package dev.flightplan.core.change;

import dev.flightplan.core.plan.Notify;
import java.util.Set;

/** Event types of notifications, as subscribers filter on them. */
public final class NotificationEvents {
  public static final String START = "START";
  public static final String ADVANCE = "ADVANCE";
  public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
  public static final String APPROVED = "APPROVED";
  public static final String PAUSE = "PAUSE";
  public static final String RESUME = "RESUME";
  public static final String COMPLETE = "COMPLETE";
  public static final String ROLLBACK = "ROLLBACK";
  public static final String ABORT = "ABORT";
  public static final String RETRY = "RETRY";
  public static final String PLAN_CHANGED = "PLAN_CHANGED";

  /** The stored plan cannot be read: the controller skips the rollout until a person acts. */
  public static final String QUARANTINED = "QUARANTINED";

  /** A digest: one message per topic and period about the rollouts with that digest. */
  public static final String DIGEST = "DIGEST";

  /** What a plan with a digest still gets at once: a person must act, or the rollout ended. */
  private static final Set<String> AT_ONCE =
      Set.of(ROLLBACK, PAUSE, AWAITING_APPROVAL, ABORT, COMPLETE, QUARANTINED);

  private NotificationEvents() {}

  /**
   * Whether {@code event} is sent when it happens. With a digest, routine events (start, advance,
   * approval given, resume, retry, plan change) are only summarised in the digest.
   */
  public static boolean sentAtOnce(String event, Notify notify) {
    return notify.digest() == Notify.Digest.NONE || AT_ONCE.contains(event);
  }
}

package dev.flightplan.core.change;

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

  private NotificationEvents() {}
}

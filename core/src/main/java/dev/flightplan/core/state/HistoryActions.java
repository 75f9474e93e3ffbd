package dev.flightplan.core.state;

import java.util.List;
import java.util.Locale;

/**
 * The one spelling of what a history entry and {@code lastDecision.kind} record: upper-case, the
 * names of the notification events where there is one. Entries stored before the spelling was one
 * (commands in lower case: {@code rollback}, {@code approve}, {@code replace}) read as these.
 */
public final class HistoryActions {
  public static final String CREATE = "CREATE";
  public static final String PLAN_CHANGED = "PLAN_CHANGED";
  public static final String CHECKLIST = "CHECKLIST";
  public static final String APPROVED = "APPROVED";

  /** Every action a history entry may carry, as the API documents them. */
  public static final List<String> ALL =
      List.of(
          CREATE,
          PLAN_CHANGED,
          CHECKLIST,
          "START",
          "PAUSE",
          "RESUME",
          APPROVED,
          "PROMOTE",
          "ADVANCE",
          "AWAITING_APPROVAL",
          "COMPLETE",
          "ROLLBACK",
          "ABORT",
          "RETRY",
          "QUARANTINED");

  private HistoryActions() {}

  /** The action in its one spelling; null stays null. */
  public static String canonical(String action) {
    if (action == null) {
      return null;
    }
    String upper = action.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "APPROVE" -> APPROVED;
      case "REPLACE" -> PLAN_CHANGED;
      default -> upper;
    };
  }
}

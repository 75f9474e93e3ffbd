package dev.flightplan.core.state;

import static dev.flightplan.core.state.RolloutStatus.AWAITING_APPROVAL;
import static dev.flightplan.core.state.RolloutStatus.DRAFT;
import static dev.flightplan.core.state.RolloutStatus.PAUSED;
import static dev.flightplan.core.state.RolloutStatus.ROLLED_BACK;
import static dev.flightplan.core.state.RolloutStatus.RUNNING;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person can ask of a rollout (docs/design.md §3.1, §5). Each command knows when it is
 * allowed and says in words why not, so the API (409) and the CLI show the same reason.
 */
public enum Command {
  START(EnumSet.of(DRAFT)),
  PAUSE(EnumSet.of(RUNNING, AWAITING_APPROVAL)),
  RESUME(EnumSet.of(PAUSED)),
  PROMOTE(EnumSet.of(RUNNING, PAUSED, AWAITING_APPROVAL)),
  APPROVE(EnumSet.of(AWAITING_APPROVAL)),
  ROLLBACK(EnumSet.of(DRAFT, RUNNING, PAUSED, AWAITING_APPROVAL)),
  ABORT(EnumSet.of(DRAFT, RUNNING, PAUSED, AWAITING_APPROVAL)),
  RETRY(EnumSet.of(ROLLED_BACK)),
  CHECKLIST(EnumSet.of(DRAFT, RUNNING, PAUSED, AWAITING_APPROVAL, ROLLED_BACK));

  private final Set<RolloutStatus> allowedIn;

  Command(Set<RolloutStatus> allowedIn) {
    this.allowedIn = allowedIn;
  }

  /** What the history and {@code lastDecision.kind} record for this command. */
  public String historyAction() {
    return HistoryActions.canonical(name());
  }

  /** The name used in {@code POST /rollouts/{id}/{action}}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Command> fromWireName(String name) {
    for (Command c : values()) {
      if (c.wireName().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public boolean isAllowedIn(RolloutStatus status) {
    return allowedIn.contains(status);
  }

  /** Why this command may not run now, or empty when it may. */
  public Optional<String> refusal(Rollout rollout) {
    return refusal(rollout, null);
  }

  /**
   * Why this command may not run now, or empty when it may.
   *
   * @param item the checklist item, for {@link #CHECKLIST}; ignored otherwise
   */
  public Optional<String> refusal(Rollout rollout, String item) {
    RolloutState state = rollout.state();
    Optional<String> byStatus = refusal(state.status());
    if (byStatus.isPresent()) {
      return byStatus;
    }
    return switch (this) {
      case START -> openChecklist(rollout);
      case RETRY -> unchangedPlan(state);
      case CHECKLIST -> unknownItem(rollout, item);
      default -> Optional.empty();
    };
  }

  /** Why this command may not run in {@code status}, or empty when the status allows it. */
  public Optional<String> refusal(RolloutStatus status) {
    return isAllowedIn(status)
        ? Optional.empty()
        : Optional.of(wireName() + " refused: " + statusReason(status));
  }

  private String statusReason(RolloutStatus status) {
    String allowed = String.join(" or ", allowedIn.stream().map(Enum::name).toList());
    return "the rollout is " + status + "; " + wireName() + " needs " + allowed;
  }

  private static Optional<String> openChecklist(Rollout rollout) {
    List<String> open =
        rollout.plan().checklist().stream()
            .filter(i -> !rollout.state().checklistDone().contains(i))
            .toList();
    return open.isEmpty()
        ? Optional.empty()
        : Optional.of("start refused: checklist items open: " + String.join(", ", open));
  }

  private static Optional<String> unchangedPlan(RolloutState state) {
    if (state.revision() > state.rolledBackRevision()) {
      return Optional.empty();
    }
    return Optional.of(
        "retry needs a new plan revision after a rollback: revision "
            + state.rolledBackRevision()
            + " was rolled back, change the plan first");
  }

  private static Optional<String> unknownItem(Rollout rollout, String item) {
    List<String> items = rollout.plan().checklist();
    if (item != null && items.contains(item)) {
      return Optional.empty();
    }
    String known = items.isEmpty() ? "it has none" : "its items: " + String.join(", ", items);
    return Optional.of("checklist refused: the plan has no item '" + item + "'; " + known);
  }
}

package dev.flightplan.core.plan;

/** Plans for tests that need a new revision: the same plan in all that decides, but not equal. */
public final class PlanRevisions {
  private PlanRevisions() {}

  /** {@code plan} with a note added to its description, which no rule reads. */
  public static Plan revised(Plan plan) {
    return copy(plan, plan.description() + " (revised)", plan.window());
  }

  /** {@code plan} with its deployment window set to {@code window}. */
  public static Plan withWindow(Plan plan, Window window) {
    return copy(plan, plan.description(), window);
  }

  private static Plan copy(Plan plan, String description, Window window) {
    return new Plan(
        plan.id(),
        description,
        plan.risk(),
        plan.strategy(),
        plan.target(),
        plan.audiences(),
        plan.phases(),
        plan.metrics(),
        plan.gates(),
        plan.alarms(),
        window,
        plan.notifications(),
        plan.checklist());
  }
}

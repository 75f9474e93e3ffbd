package dev.flightplan.core.service;

import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import java.time.Duration;
import java.util.List;

/** Plans for digest tests: slow enough to stay active for days, with a chosen {@code notify}. */
public final class DigestPlans {
  /** The first advance comes after 30 hours, the next after five more days. */
  public static final List<Phase> SLOW =
      List.of(
          new Phase("canary", 100, List.of(), Duration.ofHours(30), false),
          new Phase("half", 5_000, List.of(), Duration.ofDays(5), false),
          new Phase("all", 10_000, List.of(), Duration.ZERO, false));

  private DigestPlans() {}

  public static Plan slow(String id, Notify notify) {
    Plan p = TestPlans.plan(id, SLOW, List.of());
    return new Plan(
        p.id(),
        p.description(),
        p.risk(),
        p.strategy(),
        p.target(),
        p.audiences(),
        p.phases(),
        p.metrics(),
        p.gates(),
        p.alarms(),
        p.window(),
        notify,
        p.checklist());
  }
}

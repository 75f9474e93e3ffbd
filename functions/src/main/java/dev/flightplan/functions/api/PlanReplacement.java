package dev.flightplan.functions.api;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.RolloutNotFoundException;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.http.HttpProblem;
import dev.flightplan.functions.http.ProblemType;

/**
 * {@code PUT /rollouts/{id}} as a conditional write (RFC 9110 §13.1.1): the plan is replaced at a
 * version {@code If-Match} accepts. When another writer gets there first, the stored version is
 * checked again: one {@code If-Match} still accepts ({@code *}, or a list naming it) is written
 * against, so racing {@code If-Match: *} writers all succeed, in some order; one it does not is
 * 412.
 */
final class PlanReplacement {
  /** Each conflict is another writer's success; past this many, the caller is told to retry. */
  static final int MAX_ATTEMPTS = 100;

  private final RolloutStore store;
  private final RolloutCommands commands;

  PlanReplacement(RolloutStore store, RolloutCommands commands) {
    this.store = store;
    this.commands = commands;
  }

  Rollout replace(String id, Plan plan, EntityTags.IfMatch ifMatch, String actor) {
    // One tag named: the write's own condition checks it, without a read here.
    long version = ifMatch.single().orElseGet(() -> current(id).version());
    for (int attempt = 1; ; attempt++) {
      if (!ifMatch.matches(version)) {
        throw DomainProblems.stale(id, version);
      }
      try {
        return commands.replacePlan(id, plan, version, actor);
      } catch (VersionConflictException conflict) {
        if (conflict.current() == null) {
          throw new RolloutNotFoundException(id);
        }
        version = conflict.current().version();
        if (attempt == MAX_ATTEMPTS && ifMatch.matches(version)) {
          throw new HttpProblem(
              ProblemType.CONCURRENT_CHANGE,
              "rollout " + id + " kept changing while its plan was replaced; send it again");
        }
      }
    }
  }

  private Rollout current(String id) {
    return store.get(id).orElseThrow(() -> new RolloutNotFoundException(id));
  }
}

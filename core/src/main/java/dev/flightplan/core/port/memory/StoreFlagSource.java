package dev.flightplan.core.port.memory;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.FlagSource;
import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.evaluation.FlagExposure;
import java.util.Optional;

/**
 * A flag's exposure read from the rollouts that target it: the newest rollout whose exposure is
 * live or complete, else the newest one (which exposes nothing). The exposure is the one the plan
 * wants at the current phase ({@code RolloutState.desiredPhase()}), which the actuator applies.
 *
 * <p>The salt is the rollout id, so a unit keeps its bucket for the whole life of a rollout and a
 * new rollout of the same flag draws afresh.
 *
 * <p>It pages through every rollout, newest first: fine for tests and the in-memory wiring, not for
 * production traffic, where the flags table answers in one read.
 */
public final class StoreFlagSource implements FlagSource {
  private static final int PAGE = 100;
  private final RolloutStore store;

  public StoreFlagSource(RolloutStore store) {
    this.store = store;
  }

  @Override
  public Optional<FlagExposure> find(String flagKey) {
    Rollout newest = null;
    String token = null;
    do {
      Page<Rollout> page = store.list(null, token, PAGE);
      for (Rollout rollout : page.items()) {
        if (!targets(rollout, flagKey)) {
          continue;
        }
        if (rollout.state().desiredPhase() >= 0) {
          return Optional.of(exposure(flagKey, rollout));
        }
        newest = newest == null ? rollout : newest;
      }
      token = page.nextToken();
    } while (token != null);
    return Optional.ofNullable(newest).map(r -> exposure(flagKey, r));
  }

  private static boolean targets(Rollout rollout, String flagKey) {
    return rollout.plan().target() instanceof Target.Flag flag && flag.flag().equals(flagKey);
  }

  private static FlagExposure exposure(String flagKey, Rollout rollout) {
    return new FlagExposure(
        flagKey,
        rollout.id(),
        rollout.id(),
        rollout.plan().exposureAt(rollout.state().desiredPhase()),
        rollout.plan().audiences(),
        rollout.state().updatedAt());
  }
}

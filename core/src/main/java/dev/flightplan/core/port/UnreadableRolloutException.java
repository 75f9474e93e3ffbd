package dev.flightplan.core.port;

import dev.flightplan.core.state.UnreadableRollout;

/**
 * The stored rollout's plan cannot be read. Carries what can be: its id, version, state, target and
 * the problem, so that a rollback or an abort still works.
 */
public final class UnreadableRolloutException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient UnreadableRollout rollout;

  public UnreadableRolloutException(UnreadableRollout rollout) {
    super("the stored plan of rollout " + rollout.id() + " cannot be read: " + rollout.problem());
    this.rollout = rollout;
  }

  public UnreadableRollout rollout() {
    return rollout;
  }
}

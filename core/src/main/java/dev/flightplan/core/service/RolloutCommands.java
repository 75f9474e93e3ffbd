package dev.flightplan.core.service;

import dev.flightplan.core.change.Change;
import dev.flightplan.core.change.CommandChanges;
import dev.flightplan.core.change.Intent;
import dev.flightplan.core.change.PlanChanges;
import dev.flightplan.core.change.UnreadableChanges;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.Command;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.StoredRollout;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * What people do to rollouts (docs/design.md §3.1, §4.2): each command reads, checks, writes
 * conditionally (deciding again on conflict), then applies exposure and sends its notifications.
 */
public final class RolloutCommands {
  private static final System.Logger LOG = System.getLogger(RolloutCommands.class.getName());

  private final RolloutStore store;
  private final ConditionalWriter writer;
  private final PendingWork pending;
  private final UnreadableWork unreadable;
  private final Clock clock;

  public RolloutCommands(RolloutStore store, Actuator actuator, Notifier notifier, Clock clock) {
    this.store = store;
    this.writer = new ConditionalWriter(store, clock);
    this.pending = new PendingWork(store, actuator, notifier, clock);
    this.unreadable = new UnreadableWork(store, actuator, notifier, clock);
    this.clock = clock;
  }

  /** Stores a new rollout in DRAFT. Throws RolloutExistsException when the id is taken. */
  public Rollout create(Plan plan, String actor) {
    Change change = PlanChanges.create(plan, actor, clock.instant());
    return store.create(change.rollout(), change.history());
  }

  /**
   * Replaces the plan with a new revision, if the caller saw the latest version (If-Match). A plan
   * equal to the stored one changes nothing and is answered with the rollout as it is.
   *
   * @throws VersionConflictException when {@code expectedVersion} is stale
   */
  public Rollout replacePlan(String id, Plan plan, long expectedVersion, String actor) {
    // The version is the write's condition, so a copy of it this store wrote needs no read.
    Rollout rollout =
        store.getForUpdate(id, expectedVersion).orElseThrow(() -> new RolloutNotFoundException(id));
    if (rollout.version() != expectedVersion) {
      throw new VersionConflictException(id, rollout);
    }
    // No retry on conflict: the caller's version is what the condition is about.
    Change change = PlanChanges.replace(rollout, plan, actor, clock.instant());
    if (plan.equals(rollout.plan())) {
      return rollout; // the same plan again: no revision, no history, no notification
    }
    return settle(writer.writeOnce(change));
  }

  /**
   * Runs a command; returns the rollout as stored afterwards. Of a rollout whose plan cannot be
   * read, only a rollback or an abort runs; any other command is refused.
   *
   * @throws CommandRefusedException when the command is not allowed now
   */
  public StoredRollout execute(String id, Intent intent) {
    try {
      return executeReadable(id, intent);
    } catch (UnreadableRolloutException e) {
      return unreadable
          .change(e.rollout(), r -> Optional.of(UnreadableChanges.stop(r, intent, clock.instant())))
          .orElseThrow();
    }
  }

  /** A command other than rollback and abort: it is refused unless the plan reads. */
  private Rollout readable(String id, Intent intent) {
    return (Rollout) execute(id, intent);
  }

  private Rollout executeReadable(String id, Intent intent) {
    ConditionalWriter.Outcome outcome =
        writer.write(find(id), r -> CommandChanges.apply(r, intent, clock.instant()));
    return settle(outcome);
  }

  public Rollout start(String id, String actor) {
    return readable(id, Intent.of(Command.START, actor, null));
  }

  public Rollout pause(String id, String actor, String reason) {
    return readable(id, Intent.of(Command.PAUSE, actor, reason));
  }

  public Rollout resume(String id, String actor) {
    return readable(id, Intent.of(Command.RESUME, actor, null));
  }

  public Rollout promote(String id, String actor, String reason) {
    return readable(id, Intent.of(Command.PROMOTE, actor, reason));
  }

  public Rollout approve(String id, String actor) {
    return readable(id, Intent.of(Command.APPROVE, actor, null));
  }

  /** Works whether or not the stored plan can be read, as {@link #abort} does. */
  public StoredRollout rollback(String id, String actor, String reason) {
    return execute(id, Intent.of(Command.ROLLBACK, actor, reason));
  }

  public StoredRollout abort(String id, String actor, String reason) {
    return execute(id, Intent.of(Command.ABORT, actor, reason));
  }

  public Rollout retry(String id, String actor) {
    return readable(id, Intent.of(Command.RETRY, actor, null));
  }

  public Rollout checklistDone(String id, String item, String actor) {
    return readable(id, Intent.checklist(actor, item));
  }

  private Rollout find(String id) {
    Optional<Rollout> rollout = store.get(id);
    return rollout.orElseThrow(() -> new RolloutNotFoundException(id));
  }

  /** The command is stored; what is left undone here the next tick does. */
  private Rollout settle(ConditionalWriter.Outcome stored) {
    try {
      return pending.settle(stored.rollout(), stored.leaseOwner());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, stored.rollout().id() + ": pending work left for the next tick", e);
      return stored.rollout();
    }
  }
}

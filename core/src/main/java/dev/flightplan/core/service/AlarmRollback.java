package dev.flightplan.core.service;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.service.BoundRollback.Stored;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.StoredRollout;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An alarm entered ALARM: roll back every active rollout bound to it, at once (docs/design.md §1.3,
 * §4.3). The rollback retries until it is stored; exposure and notifications follow, and whatever
 * of those fails the next tick finishes.
 *
 * <p>The bound rollouts are worked on in parallel, each read → store → settle on one thread; its
 * exposure and its notification go out together, and only once its rollback is stored. The
 * duplicate check runs beside the bindings query and the reads, and nothing is written before it
 * answered. The event id is recorded only after every rollback was stored, so a failed run is
 * redone when the event is delivered again; a duplicate of a handled event changes nothing. The
 * call returns once every step has ended.
 */
public final class AlarmRollback {
  private static final System.Logger LOG = System.getLogger(AlarmRollback.class.getName());
  private static final Duration KEEP_EVENT_KEYS = Duration.ofDays(1);

  private final RolloutStore store;
  private final BoundRollback rollback;
  private final AlarmWorkers workers;

  public AlarmRollback(RolloutStore store, Actuator actuator, Notifier notifier, Clock clock) {
    this(store, actuator, notifier, clock, AlarmWorkers.SHARED);
  }

  AlarmRollback(
      RolloutStore store, Actuator actuator, Notifier notifier, Clock clock, AlarmWorkers workers) {
    this.store = store;
    this.rollback = new BoundRollback(store, actuator, notifier, clock, workers.notices());
    this.workers = workers;
  }

  /**
   * Handles one alarm state change.
   *
   * @return the rollouts this event rolled back, as stored afterwards
   * @throws IllegalStateException when a rollback could not be stored; the event should be retried
   */
  public List<StoredRollout> handle(
      String alarmNameOrArn, AlarmState state, String eventId, Instant now) {
    String key = "alarm:" + eventId;
    if (state == AlarmState.OK) {
      store.markProcessed(key, now.plus(KEEP_EVENT_KEYS));
      return List.of();
    }
    Context context = new Context(alarmNameOrArn, state, now, new CompletableFuture<>());
    CompletableFuture<List<Way>> ways =
        CompletableFuture.supplyAsync(() -> start(context), workers.rollouts());
    try {
      context.duplicate().complete(store.isProcessed(key));
    } catch (RuntimeException e) {
      context.duplicate().completeExceptionally(e);
      settled(ways.exceptionally(failed -> List.of()).join());
      throw e;
    }
    List<Way> started = joined(ways);
    List<String> failed = notStored(started, alarmNameOrArn);
    RuntimeException notRecorded = null;
    if (failed.isEmpty()) {
      try {
        // Every rollback is stored (or a duplicate wrote nothing): record the event, beside the
        // settling.
        store.markProcessed(key, now.plus(KEEP_EVENT_KEYS));
      } catch (RuntimeException e) {
        notRecorded = e; // thrown once the settling ended; a redelivery finds nothing to do
      }
    }
    List<StoredRollout> rolledBack = settled(started);
    if (!failed.isEmpty()) {
      throw new IllegalStateException(
          "alarm " + alarmNameOrArn + ": rollback not stored for " + String.join(", ", failed));
    }
    if (notRecorded != null) {
      throw notRecorded;
    }
    return rolledBack;
  }

  /** One delivery: the alarm, and whether the event was handled before, once the store said. */
  private record Context(
      String alarm, AlarmState state, Instant now, CompletableFuture<Boolean> duplicate) {}

  /** A bound rollout's rollback stored, then settled, under way. */
  private record Way(
      String id,
      CompletableFuture<Stored> stored,
      CompletableFuture<Optional<StoredRollout>> settled) {}

  /** Queries the bindings, hands every bound rollout but the first to a worker, runs the first. */
  private List<Way> start(Context context) {
    List<Way> ways =
        store.rolloutsBoundTo(context.alarm()).stream()
            .map(id -> new Way(id, new CompletableFuture<>(), new CompletableFuture<>()))
            .toList();
    for (int i = 1; i < ways.size(); i++) {
      Way way = ways.get(i);
      workers.rollouts().execute(() -> run(way, context));
    }
    if (!ways.isEmpty()) {
      run(ways.get(0), context);
    }
    return ways;
  }

  /** Read, store once the duplicate check said so, settle; every outcome ends in the futures. */
  private void run(Way way, Context context) {
    Stored stored;
    try {
      BoundRollback.Found found = rollback.read(way.id());
      stored =
          context.duplicate().join()
              ? Stored.NOTHING
              : rollback.store(found, context.alarm(), context.state(), context.now());
    } catch (RuntimeException | Error e) {
      way.stored().completeExceptionally(e);
      way.settled().complete(Optional.empty());
      if (e instanceof Error error) {
        throw error;
      }
      return;
    }
    way.stored().complete(stored);
    try {
      way.settled().complete(rollback.settle(stored));
    } finally {
      way.settled().complete(Optional.ofNullable(stored.rollout()));
    }
  }

  /** Waits until every rollback is stored or failed; the ids of those that failed, logged. */
  private static List<String> notStored(List<Way> ways, String alarm) {
    List<String> failed = new ArrayList<>();
    for (Way way : ways) {
      try {
        way.stored().join();
      } catch (CompletionException e) {
        LOG.log(
            Level.ERROR, way.id() + ": rollback for alarm " + alarm + " not stored", e.getCause());
        failed.add(way.id());
      }
    }
    return failed;
  }

  /** Waits until every way has ended; the rollouts rolled back, as stored afterwards. */
  private static List<StoredRollout> settled(List<Way> ways) {
    List<StoredRollout> rolledBack = new ArrayList<>();
    for (Way way : ways) {
      way.settled().join().ifPresent(rolledBack::add);
    }
    return rolledBack;
  }

  /** The value, or what the work threw, as the caller's own call would have thrown it. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}

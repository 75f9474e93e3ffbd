package dev.flightplan.core.service;

import static java.util.concurrent.CompletableFuture.supplyAsync;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.service.BoundRollback.Found;
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
 * <p>The bound rollouts are worked on in parallel, each read → store → settle; its exposure and its
 * notification go out together, and only once its rollback is stored. The duplicate check runs
 * beside the reads, and nothing is written before it answered. The event id is recorded only after
 * every rollback was stored, so a failed run is redone when the event is delivered again; a
 * duplicate of a handled event changes nothing. The call returns once every step has ended.
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
    this.rollback = new BoundRollback(store, actuator, notifier, clock, workers.actuations());
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
    CompletableFuture<List<Bound>> reads =
        supplyAsync(() -> store.rolloutsBoundTo(alarmNameOrArn), workers.rollouts())
            .thenApply(ids -> ids.stream().map(this::read).toList());
    boolean duplicate;
    try {
      duplicate = store.isProcessed(key);
    } catch (RuntimeException e) {
      awaitReads(reads);
      throw e;
    }
    List<Bound> bound = joined(reads);
    if (duplicate) {
      awaitReads(reads);
      store.markProcessed(key, now.plus(KEEP_EVENT_KEYS));
      return List.of();
    }
    return rollBack(bound, alarmNameOrArn, state, key, now);
  }

  /** Stores every rollback, records the event once all are, and waits for the settling. */
  private List<StoredRollout> rollBack(
      List<Bound> bound, String alarm, AlarmState state, String key, Instant now) {
    List<Way> ways = bound.stream().map(b -> wayBack(b, alarm, state, now)).toList();
    List<String> failed = notStored(ways, alarm);
    RuntimeException notRecorded = null;
    if (failed.isEmpty()) {
      try {
        // Every rollback is stored: the event is handled, whatever settling still does.
        store.markProcessed(key, now.plus(KEEP_EVENT_KEYS));
      } catch (RuntimeException e) {
        notRecorded = e; // thrown once the settling ended; a redelivery finds nothing to do
      }
    }
    List<StoredRollout> rolledBack = new ArrayList<>();
    for (Way way : ways) {
      way.settled().exceptionally(e -> Optional.empty()).join().ifPresent(rolledBack::add);
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException(
          "alarm " + alarm + ": rollback not stored for " + String.join(", ", failed));
    }
    if (notRecorded != null) {
      throw notRecorded;
    }
    return rolledBack;
  }

  /** A bound rollout and its read, under way. */
  private record Bound(String id, CompletableFuture<Found> read) {}

  /** A bound rollout's rollback stored, then settled, under way. */
  private record Way(
      String id,
      CompletableFuture<Stored> stored,
      CompletableFuture<Optional<StoredRollout>> settled) {}

  /** Lets the reads end, whatever they found, so that none outlives the call. */
  private static void awaitReads(CompletableFuture<List<Bound>> reads) {
    reads
        .exceptionally(e -> List.of())
        .join()
        .forEach(b -> b.read().exceptionally(e -> null).join());
  }

  private Bound read(String id) {
    return new Bound(id, supplyAsync(() -> rollback.read(id), workers.rollouts()));
  }

  private Way wayBack(Bound bound, String alarm, AlarmState state, Instant now) {
    CompletableFuture<Stored> stored =
        bound
            .read()
            .thenApplyAsync(found -> rollback.store(found, alarm, state, now), workers.rollouts());
    return new Way(bound.id(), stored, stored.thenApplyAsync(rollback::settle, workers.rollouts()));
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

package dev.flightplan.core.port;

import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where rollouts live (docs/design.md §4). Every mutation is conditional on the version the caller
 * read; a stale version fails with {@link VersionConflictException} carrying the current rollout.
 */
public interface RolloutStore {

  /** Stores a new rollout at version 1, with its first history entries. */
  Rollout create(Rollout rollout, List<HistoryEntry> history) throws RolloutExistsException;

  /**
   * The rollout, or empty when there is none.
   *
   * @throws UnreadableRolloutException when its plan cannot be read (its state can)
   */
  Optional<Rollout> get(String id);

  /**
   * The rollout to base a write conditional on {@code expectedVersion} on. A store may answer from
   * the copy it last wrote itself when that copy is at {@code expectedVersion}, without a read: a
   * rollout's versions only grow, one per write, so the version names the content, and a copy the
   * stored rollout has moved on from only makes the conditional write fail as a conflict. Any other
   * answer is {@link #get}'s.
   *
   * @throws UnreadableRolloutException when its plan cannot be read (its state can)
   */
  default Optional<Rollout> getForUpdate(String id, long expectedVersion) {
    return get(id);
  }

  /**
   * Replaces plan and state if the stored version is still {@code rollout.version()}, appends
   * {@code history}, and returns the rollout at the next version.
   */
  Rollout update(Rollout rollout, List<HistoryEntry> history) throws VersionConflictException;

  /**
   * Writes the state of a rollout whose plan cannot be read, if the stored version is still {@code
   * rollout.version()}, and appends {@code history}. The stored plan is never touched: it stays for
   * a person to inspect.
   *
   * @return the rollout at the next version, with {@code next} as its state
   * @throws VersionConflictException when the stored version differs; its {@code current()} is
   *     null, since the stored plan may not read: read again with {@link #get}
   */
  UnreadableRollout updateState(
      UnreadableRollout rollout, RolloutState next, List<HistoryEntry> history)
      throws VersionConflictException;

  /**
   * How many shards the due index has: every rollout with a {@code nextEvaluationAt} is in exactly
   * one of {@code 0 .. dueShards() - 1}. The number may be raised but never lowered.
   */
  int dueShards();

  /**
   * Rollouts of one due shard whose {@code nextEvaluationAt} is at or before {@code now}, a page at
   * a time, in order of that time: the active ones, and finished ones with pending actuation or
   * notifications. The token is a position in that shard's order, so rollouts updated while the
   * caller pages are not repeated. Those whose plan cannot be read are in {@link
   * Page#unreadable()}. A rollout is in shard {@link DueShards#of}{@code (id, dueShards())}, or, if
   * it was last written when the store had fewer shards, in the shard it was written to; either way
   * in one shard only.
   *
   * @throws IllegalArgumentException when {@code shard} is not in {@code 0 .. dueShards() - 1}
   */
  Page<Rollout> due(int shard, Instant now, String pageToken, int limit);

  /**
   * Rollouts, newest first, optionally of one status; those whose plan cannot be read are in {@link
   * Page#unreadable()}.
   */
  Page<Rollout> list(RolloutStatus status, String pageToken, int limit);

  /** The history of one rollout, oldest first. */
  List<HistoryEntry> history(String id);

  /** Ids of rollouts whose plan binds this alarm (by name or ARN). */
  List<String> rolloutsBoundTo(String alarmNameOrArn);

  /**
   * Whether {@code eventKey} was recorded by {@link #markProcessed}; the store may forget it once
   * expired.
   */
  boolean isProcessed(String eventKey);

  /**
   * Records that an event was handled; returns false when {@code eventKey} was recorded before, so
   * an at-least-once delivery changes nothing the second time.
   */
  boolean markProcessed(String eventKey, Instant expiresAt);
}

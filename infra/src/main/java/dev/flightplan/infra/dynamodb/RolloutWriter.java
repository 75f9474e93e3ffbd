package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.port.RolloutExistsException;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The conditional writes of a rollout. A write of the rollout alone is one request (PutItem or
 * UpdateItem); with history or binding changes it is one TransactWriteItems, the rollout first.
 * Updates set the attributes this version knows and remove those it knows to be empty, so
 * attributes added by a newer version survive an older writer.
 *
 * <p>An update first assumes the plan's alarms are bound already (ticks never change the plan).
 * When the stored item says otherwise, the failed write returned it ({@code ALL_OLD}), so the
 * second try adds and removes the bindings without a read.
 *
 * <p>A rollout whose plan does not read has its state written alone, by {@link StateWriter}.
 */
final class RolloutWriter {
  private static final ReturnValuesOnConditionCheckFailure ALL_OLD =
      ReturnValuesOnConditionCheckFailure.ALL_OLD;

  private final DynamoDbEnhancedClient client;
  private final StoreTables tables;

  RolloutWriter(DynamoDbEnhancedClient client, StoreTables tables) {
    this.client = client;
    this.tables = tables;
  }

  Rollout create(Rollout rollout, List<HistoryEntry> history) {
    HistoryEntry.requireAppendable(rollout.id(), 0, history);
    Rollout stored = new Rollout(rollout.plan(), rollout.state(), 1);
    SortedSet<String> alarms = AlarmKeys.of(rollout.plan());
    Expression isNew = Conditions.notExists(Attr.ID);
    if (history.isEmpty() && alarms.isEmpty()) {
      try {
        tables
            .rollouts()
            .putItem(
                PutItemEnhancedRequest.builder(Rollout.class)
                    .item(stored)
                    .conditionExpression(isNew)
                    .build());
      } catch (ConditionalCheckFailedException e) {
        throw new RolloutExistsException(rollout.id());
      }
      return stored;
    }
    var write = TransactWriteItemsEnhancedRequest.builder();
    write.addPutItem(
        tables.rollouts(),
        TransactPutItemEnhancedRequest.builder(Rollout.class)
            .item(stored)
            .conditionExpression(isNew)
            .build());
    Bindings.change(write, tables, rollout.id(), new TreeSet<>(), alarms);
    addHistory(write, history);
    try {
      client.transactWriteItems(write.build());
    } catch (TransactionCanceledException e) {
      if (Cancellation.rolloutFailed(e)) {
        throw new RolloutExistsException(rollout.id());
      }
      throw Cancellation.unexpected(rollout.id(), e);
    }
    return stored;
  }

  Rollout update(Rollout rollout, List<HistoryEntry> history) {
    HistoryEntry.requireAppendable(rollout.id(), 0, history);
    Rollout next = new Rollout(rollout.plan(), rollout.state(), rollout.version() + 1);
    SortedSet<String> wanted = AlarmKeys.of(rollout.plan());
    Map<String, AttributeValue> old = write(next, rollout.version(), history, wanted, wanted);
    if (old == null) {
      return next;
    }
    SortedSet<String> stored = AlarmKeys.parse(AttributeValues.string(old, Attr.BOUND_ALARMS));
    if (!sameVersion(old, rollout.version()) || stored.equals(wanted)) {
      throw new VersionConflictException(rollout.id(), decode(old));
    }
    // Same version, other bindings: the plan's alarms changed. Try again, moving the bindings.
    old = write(next, rollout.version(), history, stored, wanted);
    if (old == null) {
      return next;
    }
    throw new VersionConflictException(rollout.id(), decode(old));
  }

  /** Null when written; else the stored item the condition failed on (empty if there is none). */
  private Map<String, AttributeValue> write(
      Rollout next,
      long expected,
      List<HistoryEntry> history,
      SortedSet<String> boundNow,
      SortedSet<String> wanted) {
    Expression condition = Conditions.versionAndBindings(expected, AlarmKeys.joined(boundNow));
    if (history.isEmpty() && boundNow.equals(wanted)) {
      try {
        tables
            .rollouts()
            .updateItem(
                UpdateItemEnhancedRequest.builder(Rollout.class)
                    .item(next)
                    .ignoreNulls(false)
                    .conditionExpression(condition)
                    .returnValues(ReturnValue.NONE)
                    .returnValuesOnConditionCheckFailure(ALL_OLD)
                    .build());
        return null;
      } catch (ConditionalCheckFailedException e) {
        return e.hasItem() ? e.item() : Map.of();
      }
    }
    var write = TransactWriteItemsEnhancedRequest.builder();
    write.addUpdateItem(
        tables.rollouts(),
        TransactUpdateItemEnhancedRequest.builder(Rollout.class)
            .item(next)
            .ignoreNulls(false)
            .conditionExpression(condition)
            .returnValuesOnConditionCheckFailure(ALL_OLD)
            .build());
    Bindings.change(write, tables, next.id(), boundNow, wanted);
    addHistory(write, history);
    try {
      client.transactWriteItems(write.build());
      return null;
    } catch (TransactionCanceledException e) {
      if (Cancellation.rolloutFailed(e)) {
        return Cancellation.rolloutItem(e);
      }
      if (Cancellation.rolloutRaced(e)) {
        // No item comes back for a race between transactions: read it, this once.
        StoredRollout current =
            tables
                .storedRollouts()
                .getItem(r -> r.key(k -> k.partitionValue(next.id())).consistentRead(true));
        throw new VersionConflictException(next.id(), current == null ? null : readable(current));
      }
      throw Cancellation.unexpected(next.id(), e);
    }
  }

  private void addHistory(
      TransactWriteItemsEnhancedRequest.Builder write, List<HistoryEntry> history) {
    addHistory(tables, write, history);
  }

  /** Each entry put only if its seq is new: history is append-only. */
  static void addHistory(
      StoreTables tables,
      TransactWriteItemsEnhancedRequest.Builder write,
      List<HistoryEntry> history) {
    for (HistoryEntry entry : history) {
      write.addPutItem(
          tables.history(),
          TransactPutItemEnhancedRequest.builder(HistoryEntry.class)
              .item(entry)
              .conditionExpression(Conditions.notExists(Attr.ROLLOUT_ID))
              .build());
    }
  }

  private static boolean sameVersion(Map<String, AttributeValue> old, long version) {
    return !old.isEmpty() && AttributeValues.number(old, Attr.VERSION, -1) == version;
  }

  private static Rollout decode(Map<String, AttributeValue> old) {
    return old.isEmpty() ? null : readable(StoredRolloutSchema.READ.mapToItem(old));
  }

  /** A conflict with an item whose plan does not read is that, not a conflict to decide on. */
  private static Rollout readable(StoredRollout stored) {
    return switch (stored) {
      case Rollout rollout -> rollout;
      case UnreadableRollout unreadable -> throw new UnreadableRolloutException(unreadable);
    };
  }
}

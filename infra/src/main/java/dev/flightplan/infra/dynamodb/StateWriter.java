package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes the state of a rollout whose plan does not read, through {@link
 * StoredRolloutSchema#state}: state attributes and index keys only, so the stored plan stays for a
 * person to inspect and the alarm bindings stay in force. One UpdateItem, or one TransactWriteItems
 * with history.
 */
final class StateWriter {
  private final DynamoDbEnhancedClient client;
  private final StoreTables tables;

  StateWriter(DynamoDbEnhancedClient client, StoreTables tables) {
    this.client = client;
    this.tables = tables;
  }

  /**
   * The state of a rollout whose plan does not read, conditional on its version; the plan and the
   * bindings are not written. Conflicts carry no current rollout: its plan may not read.
   */
  UnreadableRollout updateState(
      UnreadableRollout rollout, RolloutState next, List<HistoryEntry> history) {
    HistoryEntry.requireAppendable(rollout.id(), 0, history);
    UnreadableRollout written = rollout.withState(next, rollout.version() + 1);
    Expression condition = Conditions.version(rollout.version());
    if (history.isEmpty()) {
      try {
        tables
            .rolloutStates()
            .updateItem(
                UpdateItemEnhancedRequest.builder(StoredRollout.class)
                    .item(written)
                    .ignoreNulls(false)
                    .conditionExpression(condition)
                    .returnValues(ReturnValue.NONE)
                    .build());
        return written;
      } catch (ConditionalCheckFailedException e) {
        throw new VersionConflictException(rollout.id(), null);
      }
    }
    var write = TransactWriteItemsEnhancedRequest.builder();
    write.addUpdateItem(
        tables.rolloutStates(),
        TransactUpdateItemEnhancedRequest.builder(StoredRollout.class)
            .item(written)
            .ignoreNulls(false)
            .conditionExpression(condition)
            .build());
    RolloutWriter.addHistory(tables, write, history);
    try {
      client.transactWriteItems(write.build());
      return written;
    } catch (TransactionCanceledException e) {
      if (Cancellation.rolloutFailed(e) || Cancellation.rolloutRaced(e)) {
        throw new VersionConflictException(rollout.id(), null);
      }
      throw Cancellation.unexpected(rollout.id(), e);
    }
  }
}

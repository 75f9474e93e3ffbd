package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** The rollout store's tables, mapped with the schemas built in code. */
record StoreTables(
    DynamoDbTable<Rollout> rollouts,
    DynamoDbTable<HistoryEntry> history,
    DynamoDbTable<AlarmBindingItem> bindings,
    DynamoDbTable<ProcessedEventItem> events) {

  static StoreTables of(DynamoDbEnhancedClient client, Tables tables) {
    return new StoreTables(
        client.table(tables.rollouts(), RolloutSchema.SCHEMA),
        client.table(tables.history(), HistorySchema.SCHEMA),
        client.table(tables.bindings(), AlarmBindingItem.SCHEMA),
        client.table(tables.events(), ProcessedEventItem.SCHEMA));
  }
}

package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.StoredRollout;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * The rollout store's tables, mapped with the schemas built in code. The rollouts table is mapped
 * three ways: whole rollouts to write, any stored rollout to read, and the state alone to write.
 */
record StoreTables(
    DynamoDbTable<Rollout> rollouts,
    DynamoDbTable<StoredRollout> storedRollouts,
    DynamoDbTable<StoredRollout> rolloutStates,
    DynamoDbTable<HistoryEntry> history,
    DynamoDbTable<AlarmBindingItem> bindings,
    DynamoDbTable<ProcessedEventItem> events) {

  static StoreTables of(DynamoDbEnhancedClient client, Tables tables, int dueShards) {
    return new StoreTables(
        client.table(tables.rollouts(), RolloutSchema.of(dueShards)),
        client.table(tables.rollouts(), StoredRolloutSchema.READ),
        client.table(tables.rollouts(), StoredRolloutSchema.state(dueShards)),
        client.table(tables.history(), HistorySchema.SCHEMA),
        client.table(tables.bindings(), AlarmBindingItem.SCHEMA),
        client.table(tables.events(), ProcessedEventItem.SCHEMA));
  }
}

package dev.flightplan.infra.flags;

import dev.flightplan.infra.dynamodb.Tables;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads a flag's exposure for {@code GET /flags/{key}/evaluate} and the clients: one eventually
 * consistent GetItem, the cheapest read, since a unit seeing a change a moment late is harmless.
 */
public final class FlagExposureReader {
  private final DynamoDbTable<FlagExposure> table;

  public FlagExposureReader(DynamoDbClient client, Tables tables) {
    this.table = DynamoDbFlagExposure.table(client, tables);
  }

  /** The flag's exposure; empty when no rollout ever set it. */
  public Optional<FlagExposure> read(String flagKey) {
    return Optional.ofNullable(table.getItem(r -> r.key(k -> k.partitionValue(flagKey))));
  }
}

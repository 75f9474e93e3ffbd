package dev.flightplan.infra.flags;

import dev.flightplan.core.port.FlagSource;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.infra.dynamodb.Tables;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads a flag's exposure, as {@link DynamoDbFlagExposure} wrote it, for {@code GET
 * /flags/{key}/evaluate} and the clients: one eventually consistent GetItem whatever the number of
 * rollouts, the cheapest read, since a unit seeing a change a moment late is harmless.
 */
public final class DynamoDbFlagSource implements FlagSource {
  private final DynamoDbTable<FlagExposure> table;

  public DynamoDbFlagSource(DynamoDbClient client, Tables tables) {
    this.table = DynamoDbFlagExposure.table(client, tables);
  }

  /** The flag's exposure; empty when no rollout ever set it. */
  @Override
  public Optional<FlagExposure> find(String flagKey) {
    return Optional.ofNullable(table.getItem(r -> r.key(k -> k.partitionValue(flagKey))));
  }
}

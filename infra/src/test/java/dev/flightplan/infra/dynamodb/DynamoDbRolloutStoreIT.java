package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.RolloutStoreContract;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The core's store contract against DynamoDB Local, through the real SDK over HTTP. */
class DynamoDbRolloutStoreIT extends RolloutStoreContract {
  @Override
  protected RolloutStore newStore() {
    DynamoDbClient client = LocalAws.get().clients().dynamoDb();
    return new DynamoDbRolloutStore(client, TestTables.fresh(client, "c"), Clock.systemUTC());
  }
}

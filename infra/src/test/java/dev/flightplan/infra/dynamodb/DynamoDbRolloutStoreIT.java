package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.RolloutStoreContract;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The core's store contract against DynamoDB Local, through the real SDK over HTTP. */
class DynamoDbRolloutStoreIT extends RolloutStoreContract {
  private Tables tables;

  @Override
  protected RolloutStore newStore(int dueShards) {
    tables = TestTables.fresh(client(), "c");
    return new DynamoDbRolloutStore(client(), tables, Clock.systemUTC(), dueShards);
  }

  @Override
  protected void corruptPlan(RolloutStore store, String id) {
    CorruptPlans.corrupt(client(), tables, id);
  }

  private static DynamoDbClient client() {
    return LocalAws.get().clients().dynamoDb();
  }
}

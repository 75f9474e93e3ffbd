package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.RolloutStoreContract;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same contract against moto's DynamoDB (or LocalStack's, without moto), as a second opinion.
 * DynamoDB Local ({@link DynamoDbRolloutStoreIT}) stays the authoritative run.
 */
class DynamoDbRolloutStoreMotoIT extends RolloutStoreContract {
  private static DynamoDbClient client;
  private Tables tables;

  @Override
  protected RolloutStore newStore(int dueShards) {
    tables = TestTables.fresh(client(), "m");
    return new DynamoDbRolloutStore(client(), tables, Clock.systemUTC(), dueShards);
  }

  @Override
  protected void corruptPlan(RolloutStore store, String id) {
    CorruptPlans.corrupt(client(), tables, id);
  }

  private static synchronized DynamoDbClient client() {
    if (client == null) {
      client =
          DynamoDbClient.builder()
              .httpClient(UrlConnectionHttpClient.create())
              .endpointOverride(LocalAws.get().awsEndpoint())
              .build();
    }
    return client;
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}

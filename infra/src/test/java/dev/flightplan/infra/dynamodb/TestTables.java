package dev.flightplan.infra.dynamodb;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh, empty tables for one test: the same definitions under a prefix no other test uses. */
final class TestTables {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  private TestTables() {}

  static Tables fresh(DynamoDbClient client, String label) {
    Tables tables = new Tables("fp-" + RUN + "-" + label + COUNTER.incrementAndGet() + "-");
    TableCreator.createTables(client, tables);
    return tables;
  }
}

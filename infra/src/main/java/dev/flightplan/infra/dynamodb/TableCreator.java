package dev.flightplan.infra.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Creates the tables of {@link Tables#SPECS} where they are missing: for tests and the local mode.
 * In AWS the SAM template creates them.
 */
public final class TableCreator {
  private TableCreator() {}

  /** Creates every table that does not exist yet, and waits until each is active. */
  public static void createTables(DynamoDbClient client, Tables tables) {
    for (Tables.Spec spec : Tables.SPECS) {
      String name = tables.name(spec.suffix());
      try {
        client.createTable(request(name, spec));
      } catch (ResourceInUseException alreadyThere) {
        // Created before, by us or by the template.
      }
      client.waiter().waitUntilTableExists(r -> r.tableName(name));
      if (spec.ttlAttribute() != null) {
        client.updateTimeToLive(
            r ->
                r.tableName(name)
                    .timeToLiveSpecification(
                        t -> t.enabled(true).attributeName(spec.ttlAttribute())));
      }
    }
  }

  static CreateTableRequest request(String name, Tables.Spec spec) {
    Map<String, String> types = new LinkedHashMap<>();
    collect(spec.key(), types);
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (Tables.Index index : spec.indexes()) {
      collect(index.key(), types);
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.name())
              .keySchema(keySchema(index.key()))
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .build());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(keySchema(spec.key()))
            .attributeDefinitions(
                types.entrySet().stream()
                    .map(
                        e ->
                            AttributeDefinition.builder()
                                .attributeName(e.getKey())
                                .attributeType(e.getValue())
                                .build())
                    .toList());
    return indexes.isEmpty() ? request.build() : request.globalSecondaryIndexes(indexes).build();
  }

  private static void collect(Tables.Key key, Map<String, String> types) {
    types.put(key.partition(), key.partitionType());
    if (key.sort() != null) {
      types.put(key.sort(), key.sortType());
    }
  }

  private static List<KeySchemaElement> keySchema(Tables.Key key) {
    List<KeySchemaElement> elements = new ArrayList<>();
    elements.add(
        KeySchemaElement.builder().attributeName(key.partition()).keyType(KeyType.HASH).build());
    if (key.sort() != null) {
      elements.add(
          KeySchemaElement.builder().attributeName(key.sort()).keyType(KeyType.RANGE).build());
    }
    return elements;
  }
}

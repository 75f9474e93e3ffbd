package dev.flightplan.infra.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stored plans that no longer read, written with raw requests as another version of Flightplan (or
 * one without a bound on bake time) could have: the first phase bakes for {@value #BAKE}.
 */
final class CorruptPlans {
  static final String BAKE = "2562047788015215h";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CorruptPlans() {}

  static void corrupt(DynamoDbClient client, Tables tables, String id) {
    Map<String, AttributeValue> key = Map.of(Attr.ID, AttributeValue.fromS(id));
    String plan =
        client
            .getItem(r -> r.tableName(tables.rollouts()).key(key).consistentRead(true))
            .item()
            .get(Attr.PLAN)
            .s();
    client.updateItem(
        r ->
            r.tableName(tables.rollouts())
                .key(key)
                .updateExpression("SET #p = :p")
                .expressionAttributeNames(Map.of("#p", Attr.PLAN))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(withBake(plan)))));
  }

  private static String withBake(String plan) {
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(plan);
      ((ObjectNode) tree.withArray("phases").get(0)).put("bake", BAKE);
      return tree.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.flightplan.infra.dynamodb;

import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Keeps the alarm → rollout binding items in step with a plan, inside the rollout's transaction.
 * Both directions are conditional: a binding is added only where none is, and removed only where
 * one is, so binding items never drift from the rollout's {@code boundAlarms}.
 */
final class Bindings {
  private Bindings() {}

  static void change(
      TransactWriteItemsEnhancedRequest.Builder write,
      StoreTables tables,
      String rolloutId,
      Set<String> bound,
      Set<String> wanted) {
    for (String alarm : bound) {
      if (!wanted.contains(alarm)) {
        write.addDeleteItem(
            tables.bindings(),
            TransactDeleteItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(alarm).sortValue(rolloutId).build())
                .conditionExpression(Conditions.exists(Attr.ALARM_NAME))
                .build());
      }
    }
    for (String alarm : wanted) {
      if (!bound.contains(alarm)) {
        write.addPutItem(
            tables.bindings(),
            TransactPutItemEnhancedRequest.builder(AlarmBindingItem.class)
                .item(AlarmBindingItem.of(alarm, rolloutId))
                .conditionExpression(Conditions.notExists(Attr.ALARM_NAME))
                .build());
      }
    }
  }
}

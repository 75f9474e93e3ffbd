package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.flightplan.infra.dynamodb.Tables.Attr;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An item of the {@code bindings} table: an alarm (by name, never the ARN) bound by a rollout's
 * plan, so an alarm event finds its rollouts with one query. {@link Bindings} keeps them in step.
 */
final class AlarmBindingItem {
  static final StaticTableSchema<AlarmBindingItem> SCHEMA =
      StaticTableSchema.builder(AlarmBindingItem.class)
          .newItemSupplier(AlarmBindingItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name(Attr.ALARM_NAME)
                      .getter(b -> b.alarmName)
                      .setter((b, v) -> b.alarmName = v)
                      .tags(primaryPartitionKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name(Attr.ROLLOUT_ID)
                      .getter(b -> b.rolloutId)
                      .setter((b, v) -> b.rolloutId = v)
                      .tags(primarySortKey()))
          .build();

  String alarmName;
  String rolloutId;

  static AlarmBindingItem of(String alarmName, String rolloutId) {
    AlarmBindingItem binding = new AlarmBindingItem();
    binding.alarmName = alarmName;
    binding.rolloutId = rolloutId;
    return binding;
  }
}

package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An item of the {@code events} table: an event (tick minute, alarm event id) that was handled, so
 * a duplicate changes nothing. DynamoDB deletes it some time after {@code expiresAt}.
 */
final class ProcessedEventItem {
  static final StaticTableSchema<ProcessedEventItem> SCHEMA =
      StaticTableSchema.builder(ProcessedEventItem.class)
          .newItemSupplier(ProcessedEventItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name(Attr.EVENT_KEY)
                      .getter(e -> e.eventKey)
                      .setter((e, v) -> e.eventKey = v)
                      .tags(primaryPartitionKey()))
          // TTL needs whole epoch seconds.
          .addAttribute(
              Long.class,
              a ->
                  a.name(Attr.EXPIRES_AT)
                      .getter(e -> e.expiresAt)
                      .setter((e, v) -> e.expiresAt = v))
          .addAttribute(
              EpochSeconds.CONVERTER.type(),
              a ->
                  a.name("processedAt")
                      .getter(e -> e.processedAt)
                      .setter((e, v) -> e.processedAt = v)
                      .attributeConverter(EpochSeconds.CONVERTER))
          .build();

  String eventKey;
  long expiresAt;
  Instant processedAt;
}

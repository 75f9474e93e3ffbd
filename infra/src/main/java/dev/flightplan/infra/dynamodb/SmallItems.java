package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The two small item kinds: alarm bindings and processed-event records. */
final class SmallItems {
  private SmallItems() {}

  /** An alarm (by name) bound by a rollout's plan; {@code alarm} is the name or ARN as written. */
  static final class Binding {
    String alarmName;
    String rolloutId;

    static Binding of(String alarmName, String rolloutId) {
      Binding binding = new Binding();
      binding.alarmName = alarmName;
      binding.rolloutId = rolloutId;
      return binding;
    }
  }

  /** An event that was handled; DynamoDB deletes it some time after {@code expiresAt}. */
  static final class Event {
    String eventKey;
    long expiresAt;
    Instant processedAt;
  }

  static final StaticTableSchema<Binding> BINDING =
      StaticTableSchema.builder(Binding.class)
          .newItemSupplier(Binding::new)
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

  static final StaticTableSchema<Event> EVENT =
      StaticTableSchema.builder(Event.class)
          .newItemSupplier(Event::new)
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
              EnhancedType.of(Instant.class),
              a ->
                  a.name("processedAt")
                      .getter(e -> e.processedAt)
                      .setter((e, v) -> e.processedAt = v)
                      .attributeConverter(StateAttributes.INSTANT))
          .build();
}

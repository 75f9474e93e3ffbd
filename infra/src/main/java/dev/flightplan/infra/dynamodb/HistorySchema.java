package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** A history item: one {@link HistoryEntry}, keyed by rollout id and seq. */
final class HistorySchema {
  private static final AttributeConverter<Map<String, Double>> DOUBLES =
      AttributeValues.converter(
          EnhancedType.mapOf(String.class, Double.class),
          AttributeValueType.M,
          AttributeValues::doubles,
          AttributeValues::doubles);
  private static final EnhancedType<String> STRING = EnhancedType.of(String.class);

  static final StaticImmutableTableSchema<HistoryEntry, Builder> SCHEMA =
      StaticImmutableTableSchema.builder(HistoryEntry.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              attr(
                  STRING,
                  Attr.ROLLOUT_ID,
                  HistoryEntry::rolloutId,
                  (b, v) -> b.rolloutId = v,
                  primaryPartitionKey()))
          .addAttribute(
              attr(
                  EnhancedType.of(Long.class),
                  Attr.SEQ,
                  HistoryEntry::seq,
                  (b, v) -> b.seq = v,
                  primarySortKey()))
          .addAttribute(attr(EpochSeconds.CONVERTER, "at", HistoryEntry::at, (b, v) -> b.at = v))
          .addAttribute(attr(STRING, "actor", HistoryEntry::actor, (b, v) -> b.actor = v))
          .addAttribute(attr(STRING, "action", HistoryEntry::action, (b, v) -> b.action = v))
          .addAttribute(
              attr(
                  STRING, "from", e -> name(e.from()), (b, v) -> b.from = RolloutStatus.valueOf(v)))
          .addAttribute(
              attr(STRING, "to", e -> name(e.to()), (b, v) -> b.to = RolloutStatus.valueOf(v)))
          .addAttribute(
              attr(
                  EnhancedType.of(Integer.class),
                  "phase",
                  HistoryEntry::phase,
                  (b, v) -> b.phase = v))
          .addAttribute(attr(STRING, "gate", HistoryEntry::gate, (b, v) -> b.gate = v))
          .addAttribute(attr(DOUBLES, "values", HistoryEntry::values, (b, v) -> b.values = v))
          .addAttribute(attr(STRING, "reason", HistoryEntry::reason, (b, v) -> b.reason = v))
          .build();

  private HistorySchema() {}

  private static String name(RolloutStatus status) {
    return status == null ? null : status.name();
  }

  private static <R> ImmutableAttribute<HistoryEntry, Builder, R> attr(
      EnhancedType<R> type,
      String name,
      Function<HistoryEntry, R> getter,
      BiConsumer<Builder, R> setter,
      StaticAttributeTag... tags) {
    return builder(type, name, getter, setter).tags(tags).build();
  }

  private static <R> ImmutableAttribute<HistoryEntry, Builder, R> attr(
      AttributeConverter<R> converter,
      String name,
      Function<HistoryEntry, R> getter,
      BiConsumer<Builder, R> setter) {
    return builder(converter.type(), name, getter, setter).attributeConverter(converter).build();
  }

  private static <R> ImmutableAttribute.Builder<HistoryEntry, Builder, R> builder(
      EnhancedType<R> type,
      String name,
      Function<HistoryEntry, R> getter,
      BiConsumer<Builder, R> setter) {
    return ImmutableAttribute.builder(HistoryEntry.class, Builder.class, type)
        .name(name)
        .getter(getter)
        .setter(setter);
  }

  /** Collects a history item's attributes; absent ones stay null, zero or empty. */
  static final class Builder {
    String rolloutId;
    long seq;
    Instant at;
    String actor;
    String action;
    RolloutStatus from;
    RolloutStatus to;
    int phase;
    String gate;
    Map<String, Double> values = Map.of();
    String reason;

    HistoryEntry build() {
      return new HistoryEntry(
          rolloutId, seq, at, actor, action, from, to, phase, gate, values, reason);
    }
  }
}

package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The rollout item, built in code: the plan as the JSON {@link PlanWriter} writes, every state
 * field as its own attribute (nested ones as maps and lists, see {@link StateAttributes}), the
 * version, and the index keys. Index keys and {@code boundAlarms} are derived on write and ignored
 * on read.
 */
final class RolloutSchema {
  static final EnhancedType<String> STRING = EnhancedType.of(String.class);
  static final EnhancedType<Long> LONG = EnhancedType.of(Long.class);
  static final EnhancedType<Integer> INT = EnhancedType.of(Integer.class);
  static final EnhancedType<Boolean> BOOL = EnhancedType.of(Boolean.class);

  static final StaticImmutableTableSchema<Rollout, ItemBuilder> SCHEMA = build();

  private RolloutSchema() {}

  private static StaticImmutableTableSchema<Rollout, ItemBuilder> build() {
    var schema =
        StaticImmutableTableSchema.builder(Rollout.class, ItemBuilder.class)
            .newItemBuilder(ItemBuilder::new, ItemBuilder::build);
    schema.addAttribute(attr(STRING, Attr.ID, Rollout::id, (b, v) -> {}, primaryPartitionKey()));
    schema.addAttribute(attr(LONG, Attr.VERSION, Rollout::version, (b, v) -> b.version = v));
    schema.addAttribute(attr(STRING, Attr.PLAN, RolloutSchema::planJson, (b, v) -> b.plan = v));
    schema.addAttribute(
        attr(STRING, Attr.BOUND_ALARMS, r -> AlarmKeys.joined(AlarmKeys.of(r.plan())), null));
    schema.addAttribute(
        attr(
            STRING,
            Attr.DUE_SHARD,
            r -> r.state().nextEvaluationAt() == null ? null : Tables.SHARD,
            null,
            secondaryPartitionKey(Tables.DUE_INDEX)));
    schema.addAttribute(
        attr(
            STRING,
            Attr.LIST_SHARD,
            r -> Tables.SHARD,
            null,
            secondaryPartitionKey(Tables.BY_CREATED_INDEX)));
    StateAttributes.add(schema);
    return schema.build();
  }

  /** Compact JSON, to keep items small; {@link PlanReader} reads it like any plan file. */
  private static String planJson(Rollout rollout) {
    return PlanWriter.toTree(rollout.plan()).toString();
  }

  /** An attribute; a null setter means derived on write and ignored on read. */
  static <R> ImmutableAttribute<Rollout, ItemBuilder, R> attr(
      EnhancedType<R> type,
      String name,
      Function<Rollout, R> getter,
      BiConsumer<ItemBuilder, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(Rollout.class, ItemBuilder.class, type)
        .name(name)
        .getter(getter)
        .setter(setter == null ? (b, v) -> {} : setter)
        .tags(tags)
        .build();
  }

  static <R> ImmutableAttribute<Rollout, ItemBuilder, R> attr(
      AttributeConverter<R> converter,
      String name,
      Function<Rollout, R> getter,
      BiConsumer<ItemBuilder, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(Rollout.class, ItemBuilder.class, converter.type())
        .name(name)
        .getter(getter)
        .setter(setter)
        .attributeConverter(converter)
        .tags(tags)
        .build();
  }

  /** Collects attributes as read; fields an older item lacks keep the defaults of a new draft. */
  static final class ItemBuilder {
    String plan;
    long version;
    RolloutStatus status = RolloutStatus.DRAFT;
    int revision = 1;
    int phase = -1;
    Instant phaseStartedAt;
    Instant nextEvaluationAt;
    Map<String, GateStreak> gates = Map.of();
    Set<String> checklistDone = Set.of();
    int approvedPhase = -1;
    int rolledBackRevision;
    RolloutState.LastDecision lastDecision;
    long historySeq;
    List<Notification> outbox = List.of();
    Instant createdAt;
    Instant updatedAt;
    boolean actuationPending;
    Lease outboxLease;

    Rollout build() {
      RolloutState state =
          new RolloutState(
              status,
              revision,
              phase,
              phaseStartedAt,
              nextEvaluationAt,
              gates,
              checklistDone,
              approvedPhase,
              rolledBackRevision,
              lastDecision,
              historySeq,
              outbox,
              createdAt,
              updatedAt == null ? createdAt : updatedAt,
              actuationPending,
              outboxLease);
      return new Rollout(PlanReader.read(PlanReader.tree(plan, PlanFormat.JSON)), state, version);
    }
  }
}

package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The rollout item, built in code: the plan as the JSON {@link PlanWriter} writes, the version, the
 * state's fields as {@link RolloutStateSchema} maps them, and the index keys. Index keys and {@code
 * boundAlarms} are derived on write and ignored on read; an item reads into {@link RolloutParts}.
 * Reads that must survive a plan that does not read go through {@link StoredRolloutSchema}.
 */
final class RolloutSchema {
  private static final EnhancedType<String> STRING = EnhancedType.of(String.class);
  private static final EnhancedType<Long> LONG = EnhancedType.of(Long.class);

  /** With the default number of due shards. */
  static final StaticImmutableTableSchema<Rollout, RolloutParts> SCHEMA =
      of(Tables.DEFAULT_DUE_SHARDS);

  private RolloutSchema() {}

  /** The schema of a store whose due index has {@code dueShards} shards. */
  static StaticImmutableTableSchema<Rollout, RolloutParts> of(int dueShards) {
    return StaticImmutableTableSchema.builder(Rollout.class, RolloutParts.class)
        .newItemBuilder(RolloutParts::new, RolloutParts::rollout)
        .attributes(
            attr(STRING, Attr.ID, Rollout::id, (p, v) -> p.id = v, primaryPartitionKey()),
            attr(LONG, Attr.VERSION, Rollout::version, (p, v) -> p.version = v),
            attr(STRING, Attr.PLAN, RolloutSchema::planJson, (p, v) -> p.planJson = v),
            attr(STRING, Attr.BOUND_ALARMS, r -> AlarmKeys.joined(AlarmKeys.of(r.plan())), null),
            attr(
                STRING,
                Attr.DUE_SHARD,
                r -> Tables.dueShard(r.id(), r.state(), dueShards),
                null,
                secondaryPartitionKey(Tables.DUE_INDEX)),
            attr(
                STRING,
                Attr.LIST_SHARD,
                r -> Tables.SHARD,
                null,
                secondaryPartitionKey(Tables.BY_CREATED_INDEX)))
        .flatten(RolloutStateSchema.SCHEMA, Rollout::state, (p, state) -> p.state = state)
        .build();
  }

  /** Compact JSON, to keep items small; {@link PlanReader} reads it like any plan file. */
  private static String planJson(Rollout rollout) {
    return PlanWriter.toTree(rollout.plan()).toString();
  }

  /** An attribute; a null setter means derived on write and ignored on read. */
  private static <R> ImmutableAttribute<Rollout, RolloutParts, R> attr(
      EnhancedType<R> type,
      String name,
      Function<Rollout, R> getter,
      BiConsumer<RolloutParts, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(Rollout.class, RolloutParts.class, type)
        .name(name)
        .getter(getter)
        .setter(setter == null ? (p, v) -> {} : setter)
        .tags(tags)
        .build();
  }
}

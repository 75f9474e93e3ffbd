package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The rollout item seen as a {@link StoredRollout}, whether its plan reads or not. {@link #READ}
 * decodes each item on its own (the Enhanced Client maps items inside its iterators, so a failure
 * there would fail the whole page); {@link #state} writes the state and index keys of an item and
 * nothing else, so the stored plan and alarm bindings stay as they are.
 */
final class StoredRolloutSchema {
  private static final EnhancedType<String> STRING = EnhancedType.of(String.class);
  private static final EnhancedType<Long> LONG = EnhancedType.of(Long.class);

  static final StaticImmutableTableSchema<StoredRollout, RolloutParts> READ =
      schema(true, Tables.DEFAULT_DUE_SHARDS);

  private StoredRolloutSchema() {}

  /** Writes state and index keys, for a store whose due index has {@code dueShards} shards. */
  static StaticImmutableTableSchema<StoredRollout, RolloutParts> state(int dueShards) {
    return schema(false, dueShards);
  }

  private static StaticImmutableTableSchema<StoredRollout, RolloutParts> schema(
      boolean plan, int dueShards) {
    List<ImmutableAttribute<StoredRollout, RolloutParts, ?>> attributes = new ArrayList<>();
    attributes.add(
        attr(STRING, Attr.ID, StoredRollout::id, (p, v) -> p.id = v, primaryPartitionKey()));
    attributes.add(attr(LONG, Attr.VERSION, StoredRollout::version, (p, v) -> p.version = v));
    if (plan) {
      // Read only: this schema never writes a plan.
      attributes.add(attr(STRING, Attr.PLAN, r -> null, (p, v) -> p.planJson = v));
    }
    attributes.add(
        attr(
            STRING,
            Attr.DUE_SHARD,
            r -> Tables.dueShard(r.id(), r.state(), dueShards),
            (p, v) -> {},
            secondaryPartitionKey(Tables.DUE_INDEX)));
    attributes.add(
        attr(
            STRING,
            Attr.LIST_SHARD,
            r -> Tables.SHARD,
            (p, v) -> {},
            secondaryPartitionKey(Tables.BY_CREATED_INDEX)));
    return StaticImmutableTableSchema.builder(StoredRollout.class, RolloutParts.class)
        .newItemBuilder(RolloutParts::new, RolloutParts::stored)
        .attributes(attributes)
        .flatten(RolloutStateSchema.SCHEMA, StoredRollout::state, (p, state) -> p.state = state)
        .build();
  }

  private static <R> ImmutableAttribute<StoredRollout, RolloutParts, R> attr(
      EnhancedType<R> type,
      String name,
      Function<StoredRollout, R> getter,
      BiConsumer<RolloutParts, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(StoredRollout.class, RolloutParts.class, type)
        .name(name)
        .getter(getter)
        .setter(setter)
        .tags(tags)
        .build();
  }
}

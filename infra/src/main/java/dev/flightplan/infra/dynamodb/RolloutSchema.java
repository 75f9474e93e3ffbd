package dev.flightplan.infra.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The rollout item, built in code: the plan as the JSON {@link PlanWriter} writes, the version, the
 * state's fields as {@link RolloutStateSchema} maps them, and the index keys. Index keys and {@code
 * boundAlarms} are derived on write and ignored on read. Plans are read through a {@link
 * PlanCache}, so an unchanged plan is parsed once per process.
 */
final class RolloutSchema {
  private static final EnhancedType<String> STRING = EnhancedType.of(String.class);
  private static final EnhancedType<Long> LONG = EnhancedType.of(Long.class);

  /**
   * Up to 4,096 plans and 8 M characters of JSON: about 30 MB at most (a plan holds about three
   * times its JSON; the docs/design.md §2 example is 1.6 K characters and about 6.5 KB cached in
   * all). A due rollout is read every tick, once a minute; one not read for ten minutes may make
   * room.
   */
  private static final PlanCache PLANS =
      new PlanCache(
          4_096,
          8_000_000,
          Duration.ofMinutes(10),
          System::nanoTime,
          json -> PlanReader.read(PlanReader.tree(json, PlanFormat.JSON)));

  static final StaticImmutableTableSchema<Rollout, Parts> SCHEMA =
      StaticImmutableTableSchema.builder(Rollout.class, Parts.class)
          .newItemBuilder(Parts::new, Parts::rollout)
          .attributes(
              attr(STRING, Attr.ID, Rollout::id, null, primaryPartitionKey()),
              attr(LONG, Attr.VERSION, Rollout::version, (p, v) -> p.version = v),
              attr(STRING, Attr.PLAN, RolloutSchema::planJson, (p, v) -> p.planJson = v),
              attr(STRING, Attr.BOUND_ALARMS, r -> AlarmKeys.joined(AlarmKeys.of(r.plan())), null),
              attr(
                  STRING,
                  Attr.DUE_SHARD,
                  r -> r.state().nextEvaluationAt() == null ? null : Tables.SHARD,
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

  private RolloutSchema() {}

  /** Compact JSON, to keep items small; {@link PlanReader} reads it like any plan file. */
  private static String planJson(Rollout rollout) {
    return PlanWriter.toTree(rollout.plan()).toString();
  }

  /** An attribute; a null setter means derived on write and ignored on read. */
  private static <R> ImmutableAttribute<Rollout, Parts, R> attr(
      EnhancedType<R> type,
      String name,
      Function<Rollout, R> getter,
      BiConsumer<Parts, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(Rollout.class, Parts.class, type)
        .name(name)
        .getter(getter)
        .setter(setter == null ? (p, v) -> {} : setter)
        .tags(tags)
        .build();
  }

  /** What an item reads into: the plan's JSON, the version, and the state. */
  static final class Parts {
    private String planJson;
    private long version;
    private RolloutState state = new RolloutStateBuilder().build();

    private Rollout rollout() {
      return new Rollout(PLANS.read(planJson), state, version);
    }
  }
}

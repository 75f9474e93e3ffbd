package dev.flightplan.infra.dynamodb;

import static dev.flightplan.infra.dynamodb.NestedStateConverters.GATES;
import static dev.flightplan.infra.dynamodb.NestedStateConverters.LAST_DECISION;
import static dev.flightplan.infra.dynamodb.NestedStateConverters.LEASE;
import static dev.flightplan.infra.dynamodb.NestedStateConverters.OUTBOX;
import static dev.flightplan.infra.dynamodb.NestedStateConverters.STRINGS;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping of {@link RolloutState}: a top-level attribute per field, under the field's own
 * name, read straight into the core's {@link RolloutStateBuilder}. A new state field is added here
 * and nowhere else in infra; a test fails while a field has no attribute. Attributes an older item
 * lacks keep the builder's defaults (those of a new draft); {@code updatedAt} then reads as {@code
 * createdAt}. {@link RolloutSchema} flattens this into the rollout item.
 */
final class RolloutStateSchema {
  private static final EnhancedType<Integer> INT = EnhancedType.of(Integer.class);
  private static final EnhancedType<Long> LONG = EnhancedType.of(Long.class);
  private static final EnhancedType<Boolean> BOOL = EnhancedType.of(Boolean.class);
  private static final AttributeConverter<Instant> INSTANT = EpochSeconds.CONVERTER;
  private static final AttributeConverter<RolloutStatus> STATUS =
      AttributeValues.converter(
          EnhancedType.of(RolloutStatus.class),
          AttributeValueType.S,
          status -> AttributeValue.fromS(status.name()),
          v -> RolloutStatus.valueOf(v.s()));

  static final StaticImmutableTableSchema<RolloutState, RolloutStateBuilder> SCHEMA =
      StaticImmutableTableSchema.builder(RolloutState.class, RolloutStateBuilder.class)
          .newItemBuilder(RolloutStateBuilder::new, RolloutStateSchema::build)
          .attributes(
              field(
                  STATUS,
                  Attr.STATUS,
                  RolloutState::status,
                  RolloutStateBuilder::status,
                  secondaryPartitionKey(Tables.BY_STATUS_INDEX)),
              field(INT, "revision", RolloutState::revision, RolloutStateBuilder::revision),
              field(INT, "phase", RolloutState::phase, RolloutStateBuilder::phase),
              field(
                  INSTANT,
                  "phaseStartedAt",
                  RolloutState::phaseStartedAt,
                  RolloutStateBuilder::phaseStartedAt),
              field(
                  INSTANT,
                  Attr.NEXT_EVALUATION_AT,
                  RolloutState::nextEvaluationAt,
                  RolloutStateBuilder::nextEvaluationAt,
                  secondarySortKey(Tables.DUE_INDEX)),
              field(GATES, "gates", RolloutState::gates, RolloutStateBuilder::gates),
              field(
                  STRINGS,
                  "checklistDone",
                  RolloutState::checklistDone,
                  RolloutStateBuilder::checklistDone),
              field(
                  INT,
                  "approvedPhase",
                  RolloutState::approvedPhase,
                  RolloutStateBuilder::approvedPhase),
              field(
                  INT,
                  "rolledBackRevision",
                  RolloutState::rolledBackRevision,
                  RolloutStateBuilder::rolledBackRevision),
              field(
                  LAST_DECISION,
                  "lastDecision",
                  RolloutState::lastDecision,
                  RolloutStateBuilder::lastDecision),
              field(LONG, "historySeq", RolloutState::historySeq, RolloutStateBuilder::historySeq),
              field(OUTBOX, "outbox", RolloutState::outbox, RolloutStateBuilder::outbox),
              field(
                  INSTANT,
                  Attr.CREATED_AT,
                  RolloutState::createdAt,
                  RolloutStateBuilder::createdAt,
                  secondarySortKey(List.of(Tables.BY_STATUS_INDEX, Tables.BY_CREATED_INDEX))),
              field(INSTANT, "updatedAt", RolloutState::updatedAt, RolloutStateBuilder::updatedAt),
              field(
                  BOOL,
                  "actuationPending",
                  RolloutState::actuationPending,
                  RolloutStateBuilder::actuationPending),
              field(
                  LEASE,
                  "outboxLease",
                  RolloutState::outboxLease,
                  RolloutStateBuilder::outboxLease),
              field(ViewConverter.VIEW, "view", RolloutState::view, RolloutStateBuilder::view))
          .build();

  private RolloutStateSchema() {}

  private static RolloutState build(RolloutStateBuilder read) {
    RolloutState state = read.build();
    return state.updatedAt() != null ? state : read.updatedAt(state.createdAt()).build();
  }

  private static <R> ImmutableAttribute<RolloutState, RolloutStateBuilder, R> field(
      EnhancedType<R> type,
      String name,
      Function<RolloutState, R> getter,
      BiConsumer<RolloutStateBuilder, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(RolloutState.class, RolloutStateBuilder.class, type)
        .name(name)
        .getter(getter)
        .setter(setter)
        .tags(tags)
        .build();
  }

  private static <R> ImmutableAttribute<RolloutState, RolloutStateBuilder, R> field(
      AttributeConverter<R> converter,
      String name,
      Function<RolloutState, R> getter,
      BiConsumer<RolloutStateBuilder, R> setter,
      StaticAttributeTag... tags) {
    return ImmutableAttribute.builder(
            RolloutState.class, RolloutStateBuilder.class, converter.type())
        .name(name)
        .getter(getter)
        .setter(setter)
        .attributeConverter(converter)
        .tags(tags)
        .build();
  }
}

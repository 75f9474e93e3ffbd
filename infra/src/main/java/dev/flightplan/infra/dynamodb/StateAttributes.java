package dev.flightplan.infra.dynamodb;

import static dev.flightplan.infra.dynamodb.RolloutSchema.BOOL;
import static dev.flightplan.infra.dynamodb.RolloutSchema.INT;
import static dev.flightplan.infra.dynamodb.RolloutSchema.LONG;
import static dev.flightplan.infra.dynamodb.RolloutSchema.STRING;
import static dev.flightplan.infra.dynamodb.RolloutSchema.attr;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.dynamodb.RolloutSchema.ItemBuilder;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One top-level attribute per {@link RolloutState} field, under the field's own name. */
final class StateAttributes {
  static final AttributeConverter<Instant> INSTANT =
      Values.converter(
          EnhancedType.of(Instant.class),
          AttributeValueType.N,
          EpochSeconds::attribute,
          EpochSeconds::of);
  private static final AttributeConverter<Map<String, GateStreak>> GATES =
      Values.converter(
          EnhancedType.mapOf(String.class, GateStreak.class),
          AttributeValueType.M,
          StateValues::gates,
          StateValues::gates);
  private static final AttributeConverter<Set<String>> STRINGS =
      Values.converter(
          EnhancedType.setOf(String.class),
          AttributeValueType.L,
          s -> Values.l(s.stream().sorted().map(AttributeValue::fromS).toList()),
          v -> new HashSet<>(Values.list(v).stream().map(AttributeValue::s).toList()));
  private static final AttributeConverter<List<Notification>> OUTBOX =
      Values.converter(
          EnhancedType.listOf(Notification.class),
          AttributeValueType.L,
          StateValues::outbox,
          StateValues::outbox);
  private static final AttributeConverter<Lease> LEASE =
      Values.converter(
          EnhancedType.of(Lease.class),
          AttributeValueType.M,
          StateValues::lease,
          StateValues::lease);
  private static final AttributeConverter<RolloutState.LastDecision> LAST_DECISION =
      Values.converter(
          EnhancedType.of(RolloutState.LastDecision.class),
          AttributeValueType.M,
          StateValues::lastDecision,
          StateValues::lastDecision);

  private StateAttributes() {}

  static void add(StaticImmutableTableSchema.Builder<Rollout, ItemBuilder> schema) {
    schema.addAttribute(
        attr(
            STRING,
            Attr.STATUS,
            r -> r.state().status().name(),
            (b, v) -> b.status = RolloutStatus.valueOf(v),
            secondaryPartitionKey(Tables.BY_STATUS_INDEX)));
    schema.addAttribute(attr(INT, "revision", r -> r.state().revision(), (b, v) -> b.revision = v));
    schema.addAttribute(attr(INT, "phase", r -> r.state().phase(), (b, v) -> b.phase = v));
    schema.addAttribute(
        attr(
            INSTANT,
            "phaseStartedAt",
            r -> r.state().phaseStartedAt(),
            (b, v) -> b.phaseStartedAt = v));
    schema.addAttribute(
        attr(
            INSTANT,
            Attr.NEXT_EVALUATION_AT,
            r -> r.state().nextEvaluationAt(),
            (b, v) -> b.nextEvaluationAt = v,
            secondarySortKey(Tables.DUE_INDEX)));
    schema.addAttribute(attr(GATES, "gates", r -> r.state().gates(), (b, v) -> b.gates = v));
    schema.addAttribute(
        attr(
            STRINGS,
            "checklistDone",
            r -> r.state().checklistDone(),
            (b, v) -> b.checklistDone = v));
    schema.addAttribute(
        attr(INT, "approvedPhase", r -> r.state().approvedPhase(), (b, v) -> b.approvedPhase = v));
    schema.addAttribute(
        attr(
            INT,
            "rolledBackRevision",
            r -> r.state().rolledBackRevision(),
            (b, v) -> b.rolledBackRevision = v));
    schema.addAttribute(
        attr(
            LAST_DECISION,
            "lastDecision",
            r -> r.state().lastDecision(),
            (b, v) -> b.lastDecision = v));
    schema.addAttribute(
        attr(LONG, "historySeq", r -> r.state().historySeq(), (b, v) -> b.historySeq = v));
    schema.addAttribute(attr(OUTBOX, "outbox", r -> r.state().outbox(), (b, v) -> b.outbox = v));
    schema.addAttribute(
        attr(
            INSTANT,
            Attr.CREATED_AT,
            r -> r.state().createdAt(),
            (b, v) -> b.createdAt = v,
            secondarySortKey(List.of(Tables.BY_STATUS_INDEX, Tables.BY_CREATED_INDEX))));
    schema.addAttribute(
        attr(INSTANT, "updatedAt", r -> r.state().updatedAt(), (b, v) -> b.updatedAt = v));
    schema.addAttribute(
        attr(
            BOOL,
            "actuationPending",
            r -> r.state().actuationPending(),
            (b, v) -> b.actuationPending = v));
    schema.addAttribute(
        attr(LEASE, "outboxLease", r -> r.state().outboxLease(), (b, v) -> b.outboxLease = v));
  }
}

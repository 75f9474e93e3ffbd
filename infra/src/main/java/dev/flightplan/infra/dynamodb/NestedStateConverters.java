package dev.flightplan.infra.dynamodb;

import static dev.flightplan.infra.dynamodb.AttributeValues.instant;
import static dev.flightplan.infra.dynamodb.AttributeValues.m;
import static dev.flightplan.infra.dynamodb.AttributeValues.map;
import static dev.flightplan.infra.dynamodb.AttributeValues.n;
import static dev.flightplan.infra.dynamodb.AttributeValues.number;
import static dev.flightplan.infra.dynamodb.AttributeValues.putIfSet;
import static dev.flightplan.infra.dynamodb.AttributeValues.s;
import static dev.flightplan.infra.dynamodb.AttributeValues.string;

import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.RolloutState.LastDecision;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rollout state's fields that are maps and lists, as DynamoDB maps and lists: gate streaks, the
 * checklist, the outbox, its lease and the last decision. Absent keys read as null or zero.
 */
final class NestedStateConverters {
  static final AttributeConverter<Map<String, GateStreak>> GATES =
      AttributeValues.converter(
          EnhancedType.mapOf(String.class, GateStreak.class),
          AttributeValueType.M,
          NestedStateConverters::gates,
          NestedStateConverters::gates);

  /** Sorted, so an unchanged set is written unchanged. */
  static final AttributeConverter<Set<String>> STRINGS =
      AttributeValues.converter(
          EnhancedType.setOf(String.class),
          AttributeValueType.L,
          set -> AttributeValues.l(set.stream().sorted().map(AttributeValue::fromS).toList()),
          v -> new HashSet<>(AttributeValues.list(v).stream().map(AttributeValue::s).toList()));

  static final AttributeConverter<List<Notification>> OUTBOX =
      AttributeValues.converter(
          EnhancedType.listOf(Notification.class),
          AttributeValueType.L,
          outbox -> AttributeValues.l(outbox.stream().map(NestedStateConverters::note).toList()),
          v -> AttributeValues.list(v).stream().map(i -> note(map(i))).toList());

  static final AttributeConverter<Lease> LEASE =
      AttributeValues.converter(
          EnhancedType.of(Lease.class),
          AttributeValueType.M,
          lease -> m(lease(lease)),
          v -> new Lease(string(map(v), "owner"), instant(map(v), "until")));

  static final AttributeConverter<LastDecision> LAST_DECISION =
      AttributeValues.converter(
          EnhancedType.of(LastDecision.class),
          AttributeValueType.M,
          decision -> m(lastDecision(decision)),
          v ->
              new LastDecision(
                  string(map(v), "kind"),
                  instant(map(v), "at"),
                  string(map(v), "reason"),
                  string(map(v), "actor")));

  private NestedStateConverters() {}

  private static AttributeValue gates(Map<String, GateStreak> gates) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    gates.forEach((name, streak) -> out.put(name, m(streak(streak))));
    return m(out);
  }

  private static Map<String, GateStreak> gates(AttributeValue value) {
    Map<String, GateStreak> out = new LinkedHashMap<>();
    map(value).forEach((name, streak) -> out.put(name, streak(map(streak))));
    return out;
  }

  private static Map<String, AttributeValue> streak(GateStreak streak) {
    Map<String, AttributeValue> out = new HashMap<>();
    putIfSet(out, "breachingSince", streak.breachingSince());
    out.put("consecutiveBreaches", n(streak.consecutiveBreaches()));
    out.put("consecutiveErrors", n(streak.consecutiveErrors()));
    return out;
  }

  private static GateStreak streak(Map<String, AttributeValue> in) {
    return new GateStreak(
        instant(in, "breachingSince"),
        (int) number(in, "consecutiveBreaches", 0),
        (int) number(in, "consecutiveErrors", 0));
  }

  private static AttributeValue note(Notification note) {
    Map<String, AttributeValue> out = new HashMap<>();
    out.put("id", s(note.id()));
    out.put("rolloutId", s(note.rolloutId()));
    out.put("eventType", s(note.eventType()));
    out.put("severity", s(note.severity().name()));
    putIfSet(out, "subject", note.subject());
    putIfSet(out, "message", note.message());
    out.put("values", AttributeValues.doubles(note.values()));
    putIfSet(out, "at", note.at());
    return m(out);
  }

  private static Notification note(Map<String, AttributeValue> in) {
    return new Notification(
        string(in, "id"),
        string(in, "rolloutId"),
        string(in, "eventType"),
        Notification.Severity.valueOf(string(in, "severity")),
        string(in, "subject"),
        string(in, "message"),
        AttributeValues.doubles(in.get("values")),
        instant(in, "at"));
  }

  private static Map<String, AttributeValue> lease(Lease lease) {
    Map<String, AttributeValue> out = new HashMap<>();
    out.put("owner", s(lease.owner()));
    putIfSet(out, "until", lease.until());
    return out;
  }

  private static Map<String, AttributeValue> lastDecision(LastDecision decision) {
    Map<String, AttributeValue> out = new HashMap<>();
    putIfSet(out, "kind", decision.kind());
    putIfSet(out, "at", decision.at());
    putIfSet(out, "reason", decision.reason());
    putIfSet(out, "actor", decision.actor());
    return out;
  }
}

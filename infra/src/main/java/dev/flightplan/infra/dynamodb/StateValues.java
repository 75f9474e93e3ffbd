package dev.flightplan.infra.dynamodb;

import static dev.flightplan.infra.dynamodb.Values.instant;
import static dev.flightplan.infra.dynamodb.Values.m;
import static dev.flightplan.infra.dynamodb.Values.map;
import static dev.flightplan.infra.dynamodb.Values.n;
import static dev.flightplan.infra.dynamodb.Values.number;
import static dev.flightplan.infra.dynamodb.Values.putIfSet;
import static dev.flightplan.infra.dynamodb.Values.s;
import static dev.flightplan.infra.dynamodb.Values.string;

import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.RolloutState.LastDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The nested parts of a rollout's state as DynamoDB maps and lists. */
final class StateValues {
  private StateValues() {}

  static AttributeValue gates(Map<String, GateStreak> gates) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    gates.forEach((name, streak) -> out.put(name, m(streak(streak))));
    return m(out);
  }

  static Map<String, GateStreak> gates(AttributeValue value) {
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

  static AttributeValue outbox(List<Notification> outbox) {
    return Values.l(outbox.stream().map(StateValues::notification).toList());
  }

  static List<Notification> outbox(AttributeValue value) {
    List<Notification> out = new ArrayList<>();
    Values.list(value).forEach(item -> out.add(notification(map(item))));
    return out;
  }

  private static AttributeValue notification(Notification note) {
    Map<String, AttributeValue> out = new HashMap<>();
    out.put("id", s(note.id()));
    out.put("rolloutId", s(note.rolloutId()));
    out.put("eventType", s(note.eventType()));
    out.put("severity", s(note.severity().name()));
    putIfSet(out, "subject", note.subject());
    putIfSet(out, "message", note.message());
    out.put("values", Values.doubles(note.values()));
    putIfSet(out, "at", note.at());
    return m(out);
  }

  private static Notification notification(Map<String, AttributeValue> in) {
    return new Notification(
        string(in, "id"),
        string(in, "rolloutId"),
        string(in, "eventType"),
        Notification.Severity.valueOf(string(in, "severity")),
        string(in, "subject"),
        string(in, "message"),
        Values.doubles(in.get("values")),
        instant(in, "at"));
  }

  static AttributeValue lease(Lease lease) {
    Map<String, AttributeValue> out = new HashMap<>();
    out.put("owner", s(lease.owner()));
    putIfSet(out, "until", lease.until());
    return m(out);
  }

  static Lease lease(AttributeValue value) {
    Map<String, AttributeValue> in = map(value);
    return new Lease(string(in, "owner"), instant(in, "until"));
  }

  static AttributeValue lastDecision(LastDecision decision) {
    Map<String, AttributeValue> out = new HashMap<>();
    putIfSet(out, "kind", decision.kind());
    putIfSet(out, "at", decision.at());
    putIfSet(out, "reason", decision.reason());
    return m(out);
  }

  static LastDecision lastDecision(AttributeValue value) {
    Map<String, AttributeValue> in = map(value);
    return new LastDecision(string(in, "kind"), instant(in, "at"), string(in, "reason"));
  }
}

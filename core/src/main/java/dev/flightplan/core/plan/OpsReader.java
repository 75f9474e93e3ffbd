package dev.flightplan.core.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the operational parts of a plan: {@code alarms} (names or ARNs, or {@code {name,
 * insufficientData: rollback | ignore}}), {@code notify} ({@code {topic, digest}}) and {@code
 * checklist} (unique item names).
 */
final class OpsReader {
  private static final List<String> ALARM_FIELDS = List.of("name", "insufficientData");
  private static final List<String> NOTIFY_FIELDS = List.of("topic", "digest");
  private static final Map<String, Boolean> INSUFFICIENT_DATA =
      new TreeMap<>(Map.of("ignore", false, "rollback", true));
  private static final Map<String, Notify.Digest> DIGESTS =
      NodeValues.byName(Notify.Digest.values(), Notify.Digest::wireName);

  private OpsReader() {}

  static List<AlarmBinding> alarms(Node node) {
    List<AlarmBinding> alarms = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : node.items(PlanLimits.ALARMS)) {
      AlarmBinding alarm = alarm(item);
      if (alarm != null && !seen.add(AlarmBinding.alarmName(alarm.name()))) {
        item.error("alarm " + PlanText.quote(alarm.name()) + " is listed twice");
      } else if (alarm != null) {
        alarms.add(alarm);
      }
    }
    return alarms;
  }

  private static AlarmBinding alarm(Node node) {
    if (node.isPresent() && node.json().isObject()) {
      node.isObject(ALARM_FIELDS);
      String name = alarmName(node.get("name"));
      Boolean rollback = NodeValues.choice(node.get("insufficientData"), INSUFFICIENT_DATA, false);
      return name == null || rollback == null ? null : new AlarmBinding(name, rollback);
    }
    String name = alarmName(node);
    return name == null ? null : new AlarmBinding(name, false);
  }

  /** An alarm name (CloudWatch takes 255 characters) or ARN (1,600). */
  private static String alarmName(Node node) {
    var json = node.json();
    boolean arn = json != null && json.isTextual() && json.textValue().startsWith("arn:");
    String name = NodeValues.required(node, arn ? PlanLimits.ALARM_ARN : PlanLimits.ALARM_NAME);
    String alarm = name == null ? "" : AlarmBinding.alarmName(name);
    int length = alarm.codePointCount(0, alarm.length());
    if (length > PlanLimits.ALARM_NAME) {
      node.error(
          "the alarm name in the ARN is "
              + length
              + " characters long; at most "
              + PlanLimits.ALARM_NAME,
          "CloudWatch alarm names have at most " + PlanLimits.ALARM_NAME + " characters");
      return null;
    }
    return name;
  }

  static Notify notify(Node node) {
    if (!node.isObject(NOTIFY_FIELDS)) {
      return Notify.DEFAULT;
    }
    Node topicNode = node.get("topic");
    String topic =
        topicNode.isPresent()
            ? NodeValues.required(topicNode, PlanLimits.TOPIC)
            : Notify.DEFAULT.topic();
    Notify.Digest digest = NodeValues.choice(node.get("digest"), DIGESTS, Notify.DEFAULT.digest());
    return topic == null || digest == null ? null : new Notify(topic, digest);
  }

  static List<String> checklist(Node node) {
    List<String> items = new ArrayList<>();
    for (Node item : node.items(PlanLimits.CHECKLIST)) {
      String name = NodeValues.name(item);
      if (name != null && items.contains(name)) {
        item.error(PlanText.quote(name) + " is listed twice", "checklist items must be unique");
      } else if (name != null) {
        items.add(name);
      }
    }
    return items;
  }
}

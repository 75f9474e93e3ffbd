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
    for (Node item : node.items()) {
      AlarmBinding alarm = alarm(item);
      if (alarm != null && !seen.add(AlarmBinding.alarmName(alarm.name()))) {
        item.error("alarm `" + alarm.name() + "` is listed twice");
      } else if (alarm != null) {
        alarms.add(alarm);
      }
    }
    return alarms;
  }

  private static AlarmBinding alarm(Node node) {
    if (node.isPresent() && node.json().isObject()) {
      node.isObject(ALARM_FIELDS);
      String name = NodeValues.required(node.get("name"));
      Boolean rollback = NodeValues.choice(node.get("insufficientData"), INSUFFICIENT_DATA, false);
      return name == null || rollback == null ? null : new AlarmBinding(name, rollback);
    }
    String name = NodeValues.required(node);
    return name == null ? null : new AlarmBinding(name, false);
  }

  static Notify notify(Node node) {
    if (!node.isObject(NOTIFY_FIELDS)) {
      return Notify.DEFAULT;
    }
    Node topicNode = node.get("topic");
    String topic = topicNode.isPresent() ? NodeValues.required(topicNode) : Notify.DEFAULT.topic();
    Notify.Digest digest = NodeValues.choice(node.get("digest"), DIGESTS, Notify.DEFAULT.digest());
    return topic == null || digest == null ? null : new Notify(topic, digest);
  }

  static List<String> checklist(Node node) {
    List<String> items = new ArrayList<>();
    for (Node item : node.items()) {
      String name = NodeValues.name(item);
      if (name != null && items.contains(name)) {
        item.error("`" + name + "` is listed twice", "checklist items must be unique");
      } else if (name != null) {
        items.add(name);
      }
    }
    return items;
  }
}

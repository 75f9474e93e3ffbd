package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of gates: explicit names must be unique; a gate without one is called {@code
 * <metric>-<action>}, then {@code <metric>-<action>-2}, {@code -3}… for later gates of the same
 * metric and action (skipping any name given explicitly).
 */
final class GateNames {
  private GateNames() {}

  /** One name per gate, null where an explicit name is invalid or taken. */
  static List<String> assign(List<Node> gates) {
    List<String> names = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Node gate : gates) {
      Node name = gate.get("name");
      String explicit = name.isPresent() ? NodeValues.name(name) : null;
      if (explicit != null && !taken.add(explicit)) {
        name.error(
            PlanText.quote(explicit) + " is used by an earlier gate", "gate names must be unique");
        explicit = null;
      }
      names.add(explicit);
    }
    for (int i = 0; i < gates.size(); i++) {
      Node gate = gates.get(i);
      if (!gate.get("name").isPresent()) {
        String derived = derive(gate, taken);
        names.set(i, checkDerived(gate, derived) ? derived : null);
      }
    }
    return names;
  }

  /** A derived name is written back as the gate's name, so it must be a valid name too. */
  private static boolean checkDerived(Node gate, String derived) {
    if (derived.length() <= PlanLimits.NAME) {
      return true;
    }
    gate.get("name")
        .error(
            "the name derived from metric and action, "
                + PlanText.quote(derived)
                + ", is longer than "
                + PlanLimits.NAME
                + " characters",
            "give the gate a name");
    return false;
  }

  private static String derive(Node gate, Set<String> taken) {
    String base = raw(gate.get("metric")) + "-" + raw(gate.get("action"));
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  private static String raw(Node node) {
    JsonNode json = node.json();
    return json != null && json.isValueNode() ? json.asText() : "gate";
  }
}

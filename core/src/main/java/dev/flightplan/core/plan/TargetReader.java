package dev.flightplan.core.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code target}: {@code {type: flag, flag: KEY}} (the key defaults to the rollout id) or
 * {@code {type: lambda-alias, function, alias, stable, candidate}}. An absent target is the flag
 * named after the rollout.
 */
final class TargetReader {
  private static final List<String> FLAG_FIELDS = List.of("type", "flag");
  private static final List<String> ALIAS_FIELDS =
      List.of("type", "function", "alias", "stable", "candidate");
  private static final Pattern FLAG_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private TargetReader() {}

  static Target read(Node node, String rolloutId) {
    if (!node.isPresent()) {
      return rolloutId == null ? null : new Target.Flag(rolloutId);
    }
    if (!node.json().isObject()) {
      node.error("must be a mapping", "e.g. {type: flag, flag: my-flag}");
      return null;
    }
    String type = NodeValues.required(node.get("type"));
    if ("flag".equals(type)) {
      return flag(node, rolloutId);
    }
    if ("lambda-alias".equals(type)) {
      return alias(node);
    }
    if (type != null) {
      node.get("type").error("must be one of flag | lambda-alias");
    }
    return null;
  }

  private static Target flag(Node node, String rolloutId) {
    node.isObject(FLAG_FIELDS);
    Node keyNode = node.get("flag");
    String key = NodeValues.textOr(keyNode, rolloutId);
    if (key != null && !FLAG_KEY.matcher(key).matches()) {
      keyNode.error(
          PlanText.quote(key) + " is not a valid flag key",
          "use up to 128 " + NodeValues.NAME_HINT);
      return null;
    }
    return key == null ? null : new Target.Flag(key);
  }

  private static Target alias(Node node) {
    node.isObject(ALIAS_FIELDS);
    int before = node.errorCount();
    String function = NodeValues.required(node.get("function"), PlanLimits.FUNCTION);
    String alias = NodeValues.required(node.get("alias"), PlanLimits.ALIAS);
    String stable = NodeValues.required(node.get("stable"), PlanLimits.VERSION);
    String candidate = NodeValues.required(node.get("candidate"), PlanLimits.VERSION);
    if (stable != null && stable.equals(candidate)) {
      node.get("candidate").error("must differ from stable (" + PlanText.quote(stable) + ")");
    }
    return node.errorCount() > before
        ? null
        : new Target.LambdaAlias(function, alias, stable, candidate);
  }
}

package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.evaluation.Audience;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Walks a parsed plan tree into a {@link Plan}: each section has its own reader, all report to one
 * {@link FieldErrors}, and the plan is built only when none was found. The format is described on
 * {@link PlanReader}.
 */
final class PlanParser {
  static final List<String> FIELDS =
      List.of(
          "$schema",
          "rollout",
          "description",
          "risk",
          "strategy",
          "target",
          "audiences",
          "phases",
          "metrics",
          "gates",
          "alarms",
          "window",
          "notify",
          "checklist");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Map<String, Risk> RISKS = NodeValues.byName(Risk.values(), Risk::wireName);
  private static final Map<String, Strategy> STRATEGIES =
      NodeValues.byName(Strategy.values(), Strategy::wireName);

  private PlanParser() {}

  static Plan parse(JsonNode tree) {
    FieldErrors problems = new FieldErrors();
    Node root = Node.root(tree, problems);
    if (!root.isObject(FIELDS)) {
      if (!root.isPresent()) {
        root.error("the plan is empty", "start with `rollout: <id>`");
      }
      problems.throwIfAny();
    }
    String id = id(root.get("rollout"));
    String description = NodeValues.text(root.get("description"), PlanLimits.DESCRIPTION);
    Risk risk = NodeValues.choice(root.get("risk"), RISKS, Risk.MEDIUM);
    Strategy declared = NodeValues.choice(root.get("strategy"), STRATEGIES, null);
    Target target = TargetReader.read(root.get("target"), id);
    Map<String, Audience> audiences = AudienceReader.read(root.get("audiences"));
    List<Phase> phases = phases(root.get("phases"), declared, risk, audiences);
    Strategy strategy = declared != null ? declared : defaultStrategy(phases);
    Map<String, MetricSpec> metrics = MetricReader.read(root.get("metrics"));
    List<Gate> gates = GateReader.read(root.get("gates"), metrics);
    List<AlarmBinding> alarms = OpsReader.alarms(root.get("alarms"));
    checkWayBack(root);
    Window window = window(root, risk);
    Notify notify = OpsReader.notify(root.get("notify"));
    List<String> checklist = OpsReader.checklist(root.get("checklist"));
    problems.throwIfAny();
    Plan plan =
        new Plan(
            id,
            description,
            risk,
            strategy,
            target,
            audiences,
            phases,
            metrics,
            gates,
            alarms,
            window,
            notify,
            checklist);
    checkStoredSize(plan, root);
    problems.throwIfAny();
    return plan;
  }

  /** The bounds of the parts leave room for big plans; the whole must still fit in one item. */
  private static void checkStoredSize(Plan plan, Node root) {
    int bytes = PlanWriter.storedSize(plan);
    if (bytes > PlanLimits.STORED_BYTES) {
      root.error(
          "the plan takes " + bytes + " bytes when stored; at most " + PlanLimits.STORED_BYTES,
          "shorten descriptions, audience values or dimensions, or split the rollout");
    }
  }

  private static String id(Node node) {
    String id = NodeValues.required(node);
    if (id != null && !node.json().isTextual()) {
      // An id is text; `rollout: false` or `rollout: 42` is a slip, not the id "false".
      node.error(
          "must be text, not " + node.json().getNodeType().name().toLowerCase(Locale.ROOT),
          "write the id in quotes, e.g. \"" + id + "\"");
      return null;
    }
    if (id != null && !ID.matcher(id).matches()) {
      node.error(
          PlanText.quote(id) + " is not a valid rollout id",
          "use 1 to 63 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return id;
  }

  /** Every rollout has a way back: a rollback gate or an alarm that rolls back. */
  private static void checkWayBack(Node root) {
    boolean alarms = root.get("alarms").isPresent() && !root.get("alarms").json().isEmpty();
    if (!alarms && !GateReader.declaresRollback(root.get("gates"))) {
      root.get("gates")
          .error(
              "every rollout needs a way back: no gate rolls back and no alarm is bound",
              "add a gate with action: rollback, or list CloudWatch alarms under alarms");
    }
  }

  private static Strategy defaultStrategy(List<Phase> phases) {
    boolean rings =
        phases.stream().filter(Objects::nonNull).anyMatch(p -> !p.audiences().isEmpty());
    return rings ? Strategy.RING : Strategy.PERCENTAGE;
  }

  /** The phases of the plan, or the preset of its strategy and risk when it lists none. */
  private static List<Phase> phases(
      Node node, Strategy declared, Risk risk, Map<String, Audience> audiences) {
    if (node.isPresent()) {
      return PhaseReader.read(node, audiences.keySet());
    }
    if (risk == null) {
      return List.of();
    }
    Strategy strategy = declared != null ? declared : Strategy.PERCENTAGE;
    try {
      return Presets.phases(strategy, risk, new ArrayList<>(audiences.keySet()));
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage(), "declare audiences, list phases, or choose another strategy");
      return List.of();
    }
  }

  /** A preset plan at high risk gets the preset window unless it has its own. */
  private static Window window(Node root, Risk risk) {
    Node node = root.get("window");
    boolean preset = !node.isPresent() && !root.get("phases").isPresent() && risk != null;
    return preset ? Presets.window(risk) : WindowReader.read(node);
  }
}

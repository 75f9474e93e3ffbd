package dev.flightplan.core.plan;

import dev.flightplan.evaluation.Exposure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code phases}: {@code {name, percent?, audiences?, bake?, approval?}}. Percent is in (0,
 * 100] with at most two decimals and is stored as basis points; a phase with audiences only has 0.
 * Exposure never shrinks and the last phase exposes 100% (see {@link #checkOrder}).
 */
final class PhaseReader {
  private static final List<String> FIELDS =
      List.of("name", "percent", "audiences", "bake", "approval");
  private static final String LAST_HINT =
      "set percent: 100 on the last phase, or add a final phase {name: all, percent: 100}";

  private PhaseReader() {}

  /** The phases in order; an invalid phase is null so later checks keep their indices. */
  static List<Phase> read(Node node, Set<String> audiences) {
    List<Node> items = node.items(PlanLimits.PHASES);
    if (node.isPresent() && node.json().isArray() && node.json().isEmpty()) {
      node.error("must list at least one phase", "or omit phases to use the risk's preset");
    }
    List<Phase> phases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Node name = items.get(i).get("name");
      String effective = name.isPresent() ? name.json().asText() : defaultName(i);
      if (!names.add(effective)) {
        name.error(
            PlanText.quote(effective) + " is used by an earlier phase",
            "phase names must be unique; a phase without a name is called phase-<n>");
      }
      phases.add(phase(items.get(i), i, audiences));
    }
    checkOrder(items, phases);
    return phases;
  }

  private static Phase phase(Node node, int index, Set<String> declared) {
    if (!node.isObject(FIELDS)) {
      if (!node.isPresent()) {
        node.error("is empty", "e.g. {name: all, percent: 100}");
      }
      return null;
    }
    Node nameNode = node.get("name");
    String name = NodeValues.textOr(nameNode, defaultName(index));
    NodeValues.checkName(nameNode, name);
    int before = node.errorCount();
    int basisPoints = basisPoints(node.get("percent"));
    List<String> audiences = audiences(node.get("audiences"), declared);
    boolean exposureKnown = node.errorCount() == before;
    if (basisPoints == 0 && audiences.isEmpty() && exposureKnown) {
      node.error("exposes nobody", "give it percent, audiences, or both");
    }
    Duration bake = NodeNumbers.duration(node.get("bake"), Duration.ZERO, PlanLimits.BAKE);
    boolean approval = NodeValues.bool(node.get("approval"), false);
    // A phase whose exposure is known takes part in the order checks even when another of its
    // fields is wrong, so one run reports every problem; the plan is refused either way.
    return exposureKnown ? new Phase(name, basisPoints, audiences, bake, approval) : null;
  }

  private static String defaultName(int index) {
    return "phase-" + (index + 1);
  }

  private static int basisPoints(Node node) {
    BigDecimal percent = NodeNumbers.decimal(node);
    if (percent == null) {
      return 0;
    }
    try {
      return Percent.toBasisPoints(percent);
    } catch (IllegalArgumentException | ArithmeticException e) {
      node.error(
          "percent " + PlanNumbers.show(percent) + " " + e.getMessage(),
          "use a number in (0, 100] with at most two decimals, e.g. 5 or 0.25");
      return 0;
    }
  }

  private static List<String> audiences(Node node, Set<String> declared) {
    List<String> names = new ArrayList<>();
    for (Node item : node.items(PlanLimits.AUDIENCES)) {
      String name = NodeValues.required(item);
      if (name != null && !declared.contains(name)) {
        String hint =
            Suggestions.nearest(name, declared)
                .map(n -> "did you mean `" + n + "`?")
                .orElse("declare it under audiences");
        item.error("unknown audience " + PlanText.quote(name), hint);
      } else if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** Exposure never shrinks from one phase to the next, and the last phase exposes everyone. */
  private static void checkOrder(List<Node> items, List<Phase> phases) {
    Phase previous = null;
    int previousIndex = -1;
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      if (phase == null) {
        continue;
      }
      if (previous != null && phase.basisPoints() < previous.basisPoints()) {
        shrinks(items.get(i).get("percent"), phase, previous, previousIndex);
      }
      previous = phase;
      previousIndex = i;
    }
    Phase last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
    if (last != null && last.basisPoints() < Exposure.ALL) {
      items
          .get(phases.size() - 1)
          .get("percent")
          .error("the last phase must expose 100%", LAST_HINT);
    }
  }

  private static void shrinks(Node percent, Phase phase, Phase previous, int previousIndex) {
    String before = Percent.format(previous.basisPoints());
    String hint =
        "exposure never shrinks: use percent " + Percent.of(previous.basisPoints()) + " or more";
    if (phase.basisPoints() == 0) {
      percent.error(
          "an audience-only phase cannot follow phases[" + previousIndex + "] at " + before, hint);
    } else {
      percent.error(
          Percent.format(phase.basisPoints())
              + " is below phases["
              + previousIndex
              + "] at "
              + before,
          hint);
    }
  }
}

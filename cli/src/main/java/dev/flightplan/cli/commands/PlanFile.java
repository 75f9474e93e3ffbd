package dev.flightplan.cli.commands;

import dev.flightplan.cli.FileProblem;
import dev.flightplan.core.plan.Durations;
import dev.flightplan.core.plan.Percent;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A plan file as written: its text, its notation, and the plan it reads as. */
record PlanFile(Path path, String text, PlanFormat format) {

  /** Thrown when the file cannot be read at all. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  static PlanFile read(Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      return new PlanFile(path, text, formatOf(path, text));
    } catch (IOException e) {
      throw new Unreadable(FileProblem.describe(path, e));
    }
  }

  /** By extension; otherwise by the first character. */
  private static PlanFormat formatOf(Path path, String text) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return PlanFormat.JSON;
    }
    return name.endsWith(".yaml") || name.endsWith(".yml")
        ? PlanFormat.YAML
        : PlanFormat.sniff(text);
  }

  /** The plan, validated; a {@code PlanException} lists every error. */
  Plan plan() {
    return PlanReader.read(text, format);
  }

  String mediaType() {
    return format == PlanFormat.JSON ? "application/json" : "application/yaml";
  }

  /** One line: id, strategy and the phases with their exposure and bake time. */
  static String summary(Plan plan) {
    List<String> phases = new ArrayList<>();
    for (Phase phase : plan.phases()) {
      phases.add(describe(phase));
    }
    return plan.id()
        + " ("
        + plan.strategy().wireName()
        + "), "
        + plan.phases().size()
        + " phases: "
        + String.join(" -> ", phases);
  }

  private static String describe(Phase phase) {
    List<String> parts = new ArrayList<>();
    parts.add(phase.name());
    if (!phase.audiences().isEmpty()) {
      parts.add(phase.audiences().stream().collect(Collectors.joining(",", "[", "]")));
    }
    if (phase.basisPoints() > 0) {
      parts.add(Percent.format(phase.basisPoints()));
    }
    if (!phase.bake().isZero()) {
      parts.add(Durations.format(phase.bake()));
    }
    if (phase.approval()) {
      parts.add("approval");
    }
    return String.join(" ", parts);
  }
}

package dev.flightplan.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.options.OutputOptions;
import dev.flightplan.cli.options.PlanFileOption;
import dev.flightplan.core.gate.EvidenceWarnings;
import dev.flightplan.core.plan.FieldError;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Checks a plan file offline, with the same rules the API applies, and warns about what is valid
 * but probably not meant (a bake shorter than the evidence its gates read).
 */
@Command(
    name = "lint",
    description =
        "Check a plan file offline; every error and warning names its field path. Exit 2 if"
            + " invalid; warnings alone exit 0.")
public final class LintCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static {
    JSON.getFactory().setCharacterEscapes(TerminalText.JSON_ESCAPES);
  }

  @Mixin PlanFileOption planFile;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path file = planFile.path();
    List<FieldError> errors;
    Plan plan = null;
    try {
      plan = PlanFile.read(file).plan();
      errors = List.of();
    } catch (PlanException e) {
      errors = e.errors();
    } catch (PlanFile.Unreadable e) {
      spec.commandLine().getErr().println("error: " + TerminalText.escape(e.getMessage()));
      return ExitCodes.INVALID;
    }
    List<FieldError> warnings = plan == null ? List.of() : EvidenceWarnings.of(plan);
    if (output.json()) {
      out.println(JSON.writeValueAsString(report(file, plan, errors, warnings)));
    } else if (plan != null) {
      out.println(TerminalText.escape(file + ": valid: " + PlanFile.summary(plan)));
      warnings.forEach(w -> out.println("  warning: " + TerminalText.escape(w.toString())));
    } else {
      out.println(
          TerminalText.escape(file + ": " + errors.size())
              + (errors.size() == 1 ? " error" : " errors"));
      errors.forEach(
          e -> out.println("  " + TerminalText.escape((e.path().isEmpty() ? "(plan)" : "") + e)));
    }
    out.flush();
    return plan == null ? ExitCodes.INVALID : ExitCodes.OK;
  }

  private static ObjectNode report(
      Path file, Plan plan, List<FieldError> errors, List<FieldError> warnings) {
    ObjectNode node = JSON.createObjectNode().put("file", file.toString());
    node.put("valid", plan != null);
    if (plan != null) {
      node.put("rollout", plan.id()).put("phases", plan.phases().size());
      node.put("summary", PlanFile.summary(plan));
    }
    add(node.putArray("errors"), errors);
    add(node.putArray("warnings"), warnings);
    return node;
  }

  private static void add(ArrayNode list, List<FieldError> problems) {
    for (FieldError e : problems) {
      list.addObject().put("path", e.path()).put("message", e.message()).put("hint", e.hint());
    }
  }
}

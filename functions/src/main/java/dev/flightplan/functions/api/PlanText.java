package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.plan.FieldError;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.functions.http.Excerpt;
import dev.flightplan.functions.http.FreeText;
import dev.flightplan.functions.http.HttpProblem;
import dev.flightplan.functions.http.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses a plan whose text is not well-formed Unicode, as a JSON {@code "\ud800"} escape makes it:
 * a lone surrogate cannot be stored as sent, so it would come back changed. The plan is checked in
 * the form it is stored in, and each error names the field as the plan reader does ({@code
 * phases[2].name}, {@code metrics["a b"].namespace}).
 */
final class PlanText {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");
  private static final String MESSAGE = "is not valid Unicode: it holds a lone surrogate";
  private static final String HINT = "send the text as UTF-8, without \\ud800-\\udfff escapes";

  private PlanText() {}

  static void requireWellFormed(Plan plan) {
    List<FieldError> errors = new ArrayList<>();
    collect(PlanWriter.toTree(plan), "", errors);
    if (!errors.isEmpty()) {
      throw new HttpProblem(
          ProblemType.INVALID_PLAN,
          "the plan is not valid: " + errors.size() + " problem(s), see errors",
          errors,
          Map.of());
    }
  }

  private static void collect(JsonNode node, String path, List<FieldError> errors) {
    if (node.isTextual() && isBroken(node.textValue())) {
      errors.add(new FieldError(path, MESSAGE, HINT));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", errors);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        if (isBroken(name)) {
          // The path shows the name escaped: an answer must not carry the surrogate either.
          errors.add(
              new FieldError(child(path, Excerpt.of(name)), "is a name that " + MESSAGE, HINT));
        } else {
          collect(field.getValue(), child(path, name), errors);
        }
      }
    }
  }

  private static boolean isBroken(String text) {
    return FreeText.firstLoneSurrogate(text) >= 0;
  }

  private static String child(String path, String field) {
    if (!PLAIN_KEY.matcher(field).matches()) {
      return path + "[\"" + field + "\"]";
    }
    return path.isEmpty() ? field : path + "." + field;
  }
}

package dev.flightplan.functions.http;

import dev.flightplan.core.plan.FieldError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a path parameter may hold. The router checks every parameter against its rule before an
 * endpoint runs, so no value outside it reaches the store.
 *
 * @param allowed what the rule allows, in words, for the answer
 * @param refusal the problem a value outside the rule gets: 400, or 404 where the parameter names
 *     one of a fixed set of resources
 */
public record ParameterRule(Pattern pattern, String allowed, ProblemType refusal) {

  /** A value matching {@code regex}; anything else is 400. */
  public static ParameterRule matching(String regex, String allowed) {
    return new ParameterRule(Pattern.compile(regex), allowed, ProblemType.INVALID_REQUEST);
  }

  /** One of {@code values}; anything else is 404, as there is no such resource. */
  public static ParameterRule oneOf(List<String> values) {
    String alternatives = values.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return new ParameterRule(
        Pattern.compile(alternatives),
        "one of " + String.join(", ", values),
        ProblemType.NOT_FOUND);
  }

  /**
   * @throws HttpProblem naming the parameter when {@code value} breaks the rule
   */
  void check(String name, String value) {
    if (pattern.matcher(value).matches()) {
      return;
    }
    String message = "`" + Excerpt.of(value) + "` is not allowed";
    throw new HttpProblem(
        refusal,
        name + " " + message + "; use " + allowed,
        List.of(new FieldError(name, message, "use " + allowed)),
        Map.of());
  }
}

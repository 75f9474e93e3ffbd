package dev.flightplan.functions.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path like {@code /rollouts/{id}/history}: literal segments and {@code {name}} parameters, each
 * one whole segment, as in OpenAPI and API Gateway resources.
 */
public record PathTemplate(String template, List<String> segments) {

  public static PathTemplate of(String template) {
    String rest = template.startsWith("/") ? template.substring(1) : template;
    return new PathTemplate(template, rest.isEmpty() ? List.of() : List.of(rest.split("/")));
  }

  /**
   * The parameters when the decoded segments of a request's path fit; empty otherwise. An empty
   * segment fills no parameter: {@code /rollouts//history} is no resource.
   */
  public Optional<Map<String, String>> match(List<String> pathSegments) {
    if (pathSegments.size() != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = pathSegments.get(i);
      if (isParameter(expected) && !actual.isEmpty()) {
        params.put(name(expected), actual);
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  /** The names of the template's parameters, in order. */
  public List<String> parameters() {
    return segments.stream().filter(PathTemplate::isParameter).map(PathTemplate::name).toList();
  }

  /**
   * More literal segments fit more narrowly: {@code …/{id}/history} wins over {@code …/{id}/{a}}.
   */
  public int literalCount() {
    return (int) segments.stream().filter(s -> !isParameter(s)).count();
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static String name(String parameter) {
    return parameter.substring(1, parameter.length() - 1);
  }
}

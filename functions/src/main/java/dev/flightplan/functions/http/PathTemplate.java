package dev.flightplan.functions.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
    return new PathTemplate(template, split(template));
  }

  /** The parameters when {@code path} fits, with percent-escapes decoded; empty otherwise. */
  public Optional<Map<String, String>> match(List<String> pathSegments) {
    if (pathSegments.size() != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = pathSegments.get(i);
      if (isParameter(expected)) {
        params.put(expected.substring(1, expected.length() - 1), decode(actual));
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  /**
   * More literal segments fit more narrowly: {@code …/{id}/history} wins over {@code …/{id}/{a}}.
   */
  public int literalCount() {
    return (int) segments.stream().filter(s -> !isParameter(s)).count();
  }

  public static List<String> split(String path) {
    String trimmed = path == null ? "" : path.strip();
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty() || trimmed.equals("/")) {
      return List.of();
    }
    String withoutLead = trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
    return List.of(withoutLead.split("/", -1));
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      // In a path, '+' is a plus sign, not a space.
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}

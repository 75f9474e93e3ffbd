package dev.flightplan.functions.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Routes requests by method and path template. A path no template fits is 404; a path that fits but
 * not with this method is 405 with {@code Allow}. Where several templates fit, the one with more
 * literal segments wins, as in API Gateway. The path is split at its slashes before it is
 * percent-decoded, once ({@link RequestPath}), and every parameter is checked against its {@link
 * ParameterRule} before the endpoint runs.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, ParameterRule> rules = new HashMap<>();

  /** What answers one route. */
  @FunctionalInterface
  public interface Endpoint {
    ApiResponse handle(ApiRequest request);
  }

  /** A method and a path template, e.g. {@code GET /rollouts/{id}}. */
  public record Route(String method, PathTemplate path, Endpoint endpoint) {
    @Override
    public String toString() {
      return method + " " + path.template();
    }
  }

  /** What the parameter {@code name} may hold, in every template that has it. */
  public Router parameter(String name, ParameterRule rule) {
    rules.put(name, rule);
    return this;
  }

  /**
   * @throws IllegalStateException when the template has a parameter without a rule
   */
  public Router add(String method, String template, Endpoint endpoint) {
    PathTemplate path = PathTemplate.of(template);
    for (String name : path.parameters()) {
      if (!rules.containsKey(name)) {
        throw new IllegalStateException(template + ": no rule for the parameter " + name);
      }
    }
    routes.add(new Route(method, path, endpoint));
    return this;
  }

  /** Every route, in the order added; the contract test compares them with the OpenAPI file. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /**
   * The route for this request, with its path parameters filled in.
   *
   * @throws HttpProblem 404 or 405, or 400 (404 for some) when a parameter breaks its rule
   */
  public Match resolve(String method, String path) {
    List<String> segments = RequestPath.segments(path);
    Optional<Map.Entry<PathTemplate, Map<String, String>>> best = bestTemplate(segments);
    if (best.isEmpty()) {
      throw ProblemResponses.notFound("no resource at " + Excerpt.of(path, 100));
    }
    PathTemplate template = best.get().getKey();
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      if (route.path().equals(template)) {
        if (route.method().equals(method)) {
          Map<String, String> params = best.get().getValue();
          params.forEach((name, value) -> rules.get(name).check(name, value));
          return new Match(route, params);
        }
        allowed.add(route.method());
      }
    }
    String allow = String.join(", ", allowed);
    throw new HttpProblem(
        ProblemType.METHOD_NOT_ALLOWED,
        Excerpt.of(method) + " is not allowed on " + template.template() + "; use " + allow,
        List.of(),
        Map.of("Allow", allow));
  }

  private Optional<Map.Entry<PathTemplate, Map<String, String>>> bestTemplate(
      List<String> segments) {
    return routes.stream()
        .map(Route::path)
        .distinct()
        .sorted(Comparator.comparingInt(PathTemplate::literalCount).reversed())
        .flatMap(t -> t.match(segments).map(p -> Map.entry(t, p)).stream())
        .findFirst();
  }

  /** A route and the parameters taken from the path. */
  public record Match(Route route, Map<String, String> params) {}
}

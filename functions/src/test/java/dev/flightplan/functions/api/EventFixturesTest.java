package dev.flightplan.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.InMemoryWiring;
import dev.flightplan.functions.http.Router;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code events/api} payloads are real REST API proxy events, one or more per route. */
class EventFixturesTest {
  private final Router router = ApiRoutes.router(InMemoryWiring.create(Clock.systemUTC()));

  @Test
  void eachFixtureIsConsistentAndReachesTheRouteItNames() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (String name : fixtures()) {
      APIGatewayProxyRequestEvent event = Api.event(name);
      Router.Match match = router.resolve(event.getHttpMethod(), event.getPath());
      String template = match.route().path().template();

      assertThat(event.getResource()).as(name).isEqualTo(template);
      assertThat(event.getRequestContext().getResourcePath()).as(name).isEqualTo(template);
      assertThat(event.getRequestContext().getHttpMethod())
          .as(name)
          .isEqualTo(event.getHttpMethod());
      assertThat(event.getRequestContext().getPath())
          .as(name)
          .isEqualTo("/" + event.getRequestContext().getStage() + event.getPath());
      assertThat(event.getRequestContext().getIdentity().getUserArn()).as(name).startsWith("arn:");
      assertThat(event.getRequestContext().getRequestId()).as(name).isNotBlank();
      Map<String, String> params =
          event.getPathParameters() == null ? Map.of() : event.getPathParameters();
      assertThat(match.params()).as(name).isEqualTo(params);
      covered.add(match.route().toString());
    }
    assertThat(covered)
        .isEqualTo(new TreeSet<>(router.routes().stream().map(Router.Route::toString).toList()));
  }

  @Test
  void everyActionHasItsOwnFixture() throws Exception {
    List<String> names = fixtures();
    for (String action : CommandEndpoints.ACTIONS) {
      assertThat(names).contains(action + "-rollout");
    }
    assertThat(names)
        .contains(
            "create-rollout-json",
            "create-rollout-yaml",
            "get-rollout",
            "list-rollouts",
            "update-rollout",
            "checklist-item",
            "rollout-history",
            "evaluate-flag");
  }

  private static List<String> fixtures() throws IOException, URISyntaxException {
    Path folder = Path.of(EventFixturesTest.class.getResource("/events/api").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    }
  }
}

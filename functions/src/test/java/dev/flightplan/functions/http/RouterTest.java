package dev.flightplan.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router =
      new Router()
          .add("GET", "/rollouts/{id}", r -> null)
          .add("POST", "/rollouts/{id}/{action}", r -> null)
          .add("GET", "/rollouts/{id}/history", r -> null);

  @Test
  void literalSegmentsWinOverParameters() {
    assertThat(router.resolve("GET", "/rollouts/a/history").route().path().template())
        .isEqualTo("/rollouts/{id}/history");
    assertThat(router.resolve("POST", "/rollouts/a/start").params())
        .isEqualTo(Map.of("id", "a", "action", "start"));
  }

  @Test
  void parametersArePercentDecodedButPlusStaysPlus() {
    assertThat(router.resolve("GET", "/rollouts/a%2Fb+c").params())
        .isEqualTo(Map.of("id", "a/b+c"));
  }

  @Test
  void aLiteralPathWithAnotherMethodIs405EvenWhenAParameterRouteWouldFit() {
    assertThatThrownBy(() -> router.resolve("POST", "/rollouts/a/history"))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p -> {
              assertThat(p.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
              assertThat(p.headers()).containsEntry("Allow", "GET");
            });
  }
}

package dev.flightplan.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final ParameterRule ANY = ParameterRule.matching("(?s).+", "anything");
  private final Router router =
      new Router()
          .parameter("id", ANY)
          .parameter("action", ANY)
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

  @Test
  void segmentsAreDecodedExactlyOnce() {
    assertThat(router.resolve("GET", "/rollouts/%2574%2532-put").params())
        .isEqualTo(Map.of("id", "%74%32-put"));
  }

  @Test
  void anEncodedSlashIsPartOfItsSegmentAndNeverRoutes() {
    Router.Match match = router.resolve("GET", "/rollouts/t2-put%2Fhistory");

    assertThat(match.route().path().template()).isEqualTo("/rollouts/{id}");
    assertThat(match.params()).isEqualTo(Map.of("id", "t2-put/history"));
    assertThat(router.resolve("GET", "/rollouts/a%2fb").params()).isEqualTo(Map.of("id", "a/b"));
  }

  @Test
  void whitespaceIsAValueNeverStripped() {
    assertThat(router.resolve("GET", "/rollouts/%0D").params()).isEqualTo(Map.of("id", "\r"));
    assertThat(router.resolve("GET", "/rollouts/%20").params()).isEqualTo(Map.of("id", " "));
    assertThat(router.resolve("GET", "/rollouts/a%0A").params()).isEqualTo(Map.of("id", "a\n"));
    assertNotFound(" /rollouts/a");
    assertThat(router.resolve("POST", "/rollouts/a/history ").params())
        .containsEntry("action", "history ");
  }

  @Test
  void anEmptySegmentFillsNoParameter() {
    assertNotFound("/rollouts//history");
    assertNotFound("/rollouts//start");
    assertNotFound("/rollouts//");
    assertNotFound("//");
  }

  @Test
  void oneTrailingSlashIsAllowed() {
    assertThat(router.resolve("GET", "/rollouts/a/").params()).isEqualTo(Map.of("id", "a"));
  }

  @Test
  void aLiteralSegmentMatchesItsDecodedForm() {
    assertThat(router.resolve("GET", "/rollouts/a/%68istory").route().path().template())
        .isEqualTo("/rollouts/{id}/history");
  }

  @Test
  void malformedEscapesAndBytesThatAreNotUtf8Are400() {
    for (String path :
        new String[] {
          "/rollouts/%zz",
          "/rollouts/a%4",
          "/rollouts/a%",
          "/rollouts/%C3%28",
          "/rollouts/%FF",
          "/rollouts/%\u0663\u0663",
          "/rollouts/%ED%A0%80"
        }) {
      assertThatThrownBy(() -> router.resolve("GET", path))
          .as(path)
          .isInstanceOfSatisfying(
              HttpProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_REQUEST));
    }
  }

  @Test
  void multiByteEscapesDecodeAsUtf8() {
    assertThat(router.resolve("GET", "/rollouts/caf%C3%A9").params())
        .isEqualTo(Map.of("id", "café"));
  }

  @Test
  void aParameterOutsideItsRuleIsRefusedNamingIt() {
    Router strict =
        new Router()
            .parameter("id", ParameterRule.matching("[a-z]{1,3}", "1 to 3 letters"))
            .add("GET", "/rollouts/{id}", r -> null);

    assertThatThrownBy(() -> strict.resolve("GET", "/rollouts/abcd"))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p -> {
              assertThat(p.type()).isEqualTo(ProblemType.INVALID_REQUEST);
              assertThat(p.errors()).extracting(e -> e.path()).containsExactly("id");
              assertThat(p.detail()).contains("1 to 3 letters");
            });
  }

  @Test
  void aMethodNotAllowedIsAnsweredBeforeTheParametersAreChecked() {
    Router strict =
        new Router()
            .parameter("id", ParameterRule.matching("[a-z]{1,3}", "1 to 3 letters"))
            .add("GET", "/rollouts/{id}", r -> null);

    assertThatThrownBy(() -> strict.resolve("DELETE", "/rollouts/abcd"))
        .isInstanceOfSatisfying(
            HttpProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
  }

  @Test
  void everyParameterNeedsARule() {
    assertThatThrownBy(() -> new Router().add("GET", "/flags/{key}", r -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key");
  }

  @Test
  void aLongPathIsQuotedShortInTheAnswer() {
    String path = "/" + "x".repeat(100_000);

    assertThatThrownBy(() -> router.resolve("GET", path))
        .isInstanceOfSatisfying(
            HttpProblem.class, p -> assertThat(p.detail().length()).isLessThan(300));
  }

  private void assertNotFound(String path) {
    assertThatThrownBy(() -> router.resolve("GET", path))
        .as(path)
        .isInstanceOfSatisfying(
            HttpProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND));
  }
}

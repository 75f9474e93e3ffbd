package dev.flightplan.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.functions.http.HttpProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignedPageTokensTest {
  private final SignedPageTokens tokens =
      new SignedPageTokens("a key of at least thirty-two chars".getBytes(StandardCharsets.UTF_8));

  @Test
  void aSealedTokenOpensToTheStoresToken() {
    String sealed = tokens.seal("list:*", "eyJxIjoibGlzdDoqIn0");

    assertThat(sealed).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    assertThat(tokens.open("list:*", sealed)).isEqualTo("eyJxIjoibGlzdDoqIn0");
  }

  @Test
  void noNextPageIsNoToken() {
    assertThat(tokens.seal("list:*", null)).isNull();
    assertThat(tokens.open("list:*", null)).isNull();
  }

  @Test
  void anotherQueryOrKeyOrAnyChangeIsRefused() {
    String sealed = tokens.seal("list:*", "store-token");
    SignedPageTokens other =
        new SignedPageTokens("another key of thirty-two characters".getBytes());
    String otherPayload =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("store-tokeN".getBytes())
            + sealed.substring(sealed.indexOf('.'));

    assertRefused(() -> tokens.open("list:RUNNING", sealed));
    assertRefused(() -> other.open("list:*", sealed));
    assertRefused(() -> tokens.open("list:*", otherPayload));
    assertRefused(() -> tokens.open("list:*", sealed + "A"));
    assertRefused(() -> tokens.open("list:*", "A" + sealed.substring(1, sealed.length())));
  }

  @Test
  void theProcessKeyIsOneKey() {
    String sealed = SignedPageTokens.forThisProcess().seal("list:*", "t");

    assertThat(SignedPageTokens.forThisProcess().open("list:*", sealed)).isEqualTo("t");
  }

  private static void assertRefused(Runnable open) {
    assertThatThrownBy(open::run)
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p -> assertThat(p.errors()).extracting(e -> e.path()).containsExactly("nextToken"));
  }
}

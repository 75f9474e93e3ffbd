package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackGuardTest {
  private static final int PORT = 8787;
  private final LoopbackGuard guard = new LoopbackGuard(PORT);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.1:8787",
        "localhost",
        "localhost:8787",
        "LocalHost:8787",
        "[::1]",
        "[::1]:8787",
        "localhost:9000"
      })
  void loopbackNamesAreServed(String host) {
    assertThat(guard.check("GET", headers("Host", host))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example",
        "evil.example:8787",
        "127.0.0.1.evil.example:8787",
        "localhost.evil.example",
        "localhost.",
        "127.0.0.2:8787",
        "[::2]:8787",
        "[0:0:0:0:0:0:0:1]",
        "localhost:x",
        "user@localhost",
        "localhost:8787:8787",
        ""
      })
  void anyOtherHostIsRefusedEvenForReading(String host) {
    Optional<LocalRefusal> refusal = guard.check("GET", headers("Host", host));

    assertThat(refusal).map(LocalRefusal::status).hasValue(403);
  }

  @Test
  void aRequestWithoutOneHostIsRefused() {
    Headers twice = headers("Host", "127.0.0.1");
    twice.add("Host", "evil.example");

    assertThat(guard.check("GET", new Headers())).map(LocalRefusal::status).hasValue(400);
    assertThat(guard.check("GET", twice)).map(LocalRefusal::status).hasValue(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example",
        "http://evil.example:8787",
        "null",
        "http://localhost:3000",
        "https://localhost:8787",
        "http://127.0.0.1:8787.evil.example",
        "http://user@127.0.0.1:8787",
        "http://127.0.0.1:8787/page",
        "file://",
        "not an origin"
      })
  void changesAskedForByAnotherOriginAreRefused(String origin) {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      Headers headers = headers("Host", "127.0.0.1:8787");
      headers.add("Origin", origin);

      assertThat(guard.check(method, headers)).map(LocalRefusal::status).hasValue(403);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"})
  void changesFromThisServersOwnOriginPass(String origin) {
    Headers headers = headers("Host", "127.0.0.1:8787");
    headers.add("Origin", origin);

    assertThat(guard.check("POST", headers)).isEmpty();
  }

  @Test
  void readingIsNotAChangeWhateverTheOrigin() {
    Headers headers = headers("Host", "127.0.0.1:8787");
    headers.add("Origin", "http://evil.example");
    headers.add("Sec-Fetch-Site", "cross-site");

    assertThat(guard.check("GET", headers)).isEmpty();
    assertThat(guard.check("HEAD", headers)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cross-site", "same-site", "Cross-Site"})
  void changesFromAnotherSiteAreRefusedWithoutAnOrigin(String site) {
    Headers headers = headers("Host", "localhost:8787");
    headers.add("Sec-Fetch-Site", site);

    assertThat(guard.check("POST", headers)).map(LocalRefusal::status).hasValue(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"same-origin", "none"})
  void changesFromThisOriginOrTypedByTheUserPass(String site) {
    Headers headers = headers("Host", "localhost:8787");
    headers.add("Sec-Fetch-Site", site);

    assertThat(guard.check("POST", headers)).isEmpty();
  }

  @Test
  void theRefusalQuotesAShortEscapedExcerpt() {
    Headers headers = headers("Host", "evil\u001b[2J.example" + "x".repeat(500));

    String detail = guard.check("GET", headers).orElseThrow().detail();

    assertThat(detail)
        .contains("evil\\x1b[2J.example")
        .doesNotContain("\u001b")
        .hasSizeLessThan(250);
  }

  private static Headers headers(String name, String value) {
    Headers headers = new Headers();
    headers.add(name, value);
    return headers;
  }
}

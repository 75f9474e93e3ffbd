package dev.flightplan.cli.local;

import static dev.flightplan.cli.local.HostileTarget.ROLLOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile requests the local server itself must stop, and path shapes it must hand on as sent: each
 * answers below 500, leaves the server answering and stores nothing. The cases the API layer must
 * refuse (numbers, ids, text, YAML, {@code If-Match}) are in {@link HostileApiCasesIT}.
 */
@Timeout(60)
class HostileRequestsIT {
  private static HostileTarget target;

  @BeforeAll
  static void start() {
    target = new HostileTarget();
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @BeforeEach
  void judgeEachCaseOnItsOwn() {
    target.rebase();
  }

  @Test
  void aDeclaredSixtyFourMebibyteBodyIsRefusedUnread() throws Exception {
    try (Socket socket = socket()) {
      socket
          .getOutputStream()
          .write(
              ("POST /rollouts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 67108864\r\n\r\n{\"rollout\":")
                  .getBytes(StandardCharsets.US_ASCII));
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.closesConnection()).isTrue();
      target.assertUnharmed(answer.status(), "a 64 MiB Content-Length");
    }
  }

  @Test
  void anEndlessChunkedBodyIsRefusedAtTheLimit() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /rollouts/"
                  + ROLLOUT
                  + "/abort HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[0x10000];
      for (int i = 0; i < 5; i++) {
        out.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertThat(answer.status()).isEqualTo(413);
      target.assertUnharmed(answer.status(), "an endless chunked body");
    }
  }

  @Test
  void aBodyJustOverTheLimitIsRefused() {
    String reason = "x".repeat(256 * 1024);
    HttpResponse<String> answer =
        target.post(
            "/rollouts/" + ROLLOUT + "/abort",
            "application/json",
            "{\"reason\":\"" + reason + "\"}");

    assertThat(answer.statusCode()).isEqualTo(413);
    target.assertUnharmed(answer.statusCode(), "a 256 KiB abort reason");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://evil.example", "null", "http://localhost:1", "https://127.0.0.1"})
  void aWebPageCannotAbortARollout(String origin) {
    HttpResponse<String> answer =
        target.send(
            HttpRequest.newBuilder(target.uri("/rollouts/" + ROLLOUT + "/abort"))
                .header("Origin", origin)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"drive-by\"}")));

    assertThat(answer.statusCode()).isEqualTo(403);
    target.assertUnharmed(answer.statusCode(), "an abort from " + origin);
  }

  @Test
  void aPageOfAnotherSiteCannotChangeAPlan() {
    HttpResponse<String> answer =
        target.send(
            HttpRequest.newBuilder(target.uri("/rollouts/" + ROLLOUT + "/rollback"))
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(answer.statusCode()).isEqualTo(403);
    target.assertUnharmed(answer.statusCode(), "a cross-site rollback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /rollouts", "POST /rollouts/" + ROLLOUT + "/abort"})
  void aRequestRebindingAnotherNameIsRefused(String request) throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(
            target.port(),
            request + " HTTP/1.1\r\nHost: evil.example:" + target.port() + "\r\nContent-Length: 2",
            "{}".getBytes(StandardCharsets.US_ASCII));

    assertThat(answer.status()).isEqualTo(403);
    target.assertUnharmed(answer.status(), request + " for evil.example");
  }

  @Test
  void aRequestWithoutHostIsRefused() throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(target.port(), "POST /rollouts/" + ROLLOUT + "/abort HTTP/1.0", new byte[0]);

    assertThat(answer.status()).isEqualTo(400);
    target.assertUnharmed(answer.status(), "an abort without Host");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/rollouts/%2572%2531", // "r1" only when decoded twice
        "/rollouts/" + ROLLOUT + "%2Fhistory", // history only when routed on an encoded slash
        "/rollouts/%0D", // the list only when whitespace is stripped
        "/rollouts/%20" + ROLLOUT,
        "/rollouts/" + ROLLOUT + "%00",
        "/rollouts/..%2F..%2Fflags"
      })
  void encodedPathsAreDecodedOnceAndNeverRoutedOnAnEncodedSlash(String path) {
    HttpResponse<String> answer = target.get(path);

    assertThat(answer.statusCode()).isIn(400, 404);
    target.assertUnharmed(answer.statusCode(), "GET " + path);
  }

  @Test
  void aPathEncodedOnceIsThePathDecodedOnce() {
    // "%72" is "r": decoded once, this is GET /rollouts, as RFC 3986 reads it; "%2572" is not.
    HttpResponse<String> answer = target.get("/%72ollouts");

    assertThat(answer.statusCode()).isEqualTo(200);
    target.assertUnharmed(answer.statusCode(), "GET /%72ollouts");
  }

  @Test
  void anEncodedSlashCannotReachACommand() {
    HttpResponse<String> answer =
        target.post("/rollouts/" + ROLLOUT + "%2Fabort", "application/json", "{}");

    assertThat(answer.statusCode()).isIn(400, 404, 405);
    target.assertUnharmed(answer.statusCode(), "POST " + ROLLOUT + "%2Fabort");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unit=%FF", "unit=%C0%AF", "unit=%ED%A0%80", "unit=%4", "unit=%%"})
  void aQueryThatIsNotPercentEncodedUtf8IsRefused(String query) throws Exception {
    RawHttp.Answer answer =
        RawHttp.get(target.port(), "/flags/checkout-v2/evaluate?" + query, "127.0.0.1");

    assertThat(answer.status()).isEqualTo(400);
    target.assertUnharmed(answer.status(), "the query " + query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HEAD", "OPTIONS", "TRACE", "DELETE", "PATCH", "BREW"})
  void anyMethodGetsAnAnswerBelow500(String method) throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(
            target.port(),
            method + " /rollouts/" + ROLLOUT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0",
            new byte[0]);

    assertThat(answer.status()).isBetween(200, 499);
    target.assertUnharmed(answer.status(), method);
  }

  @Test
  void theServerKeepsAnsweringAfterManyRefusals() throws Exception {
    for (int i = 0; i < 200; i++) {
      RawHttp.Answer answer = RawHttp.get(target.port(), "/rollouts", "evil.example");
      assertThat(answer.status()).isEqualTo(403);
    }
    target.assertUnharmed(200, "200 refused requests");
  }

  private static Socket socket() throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.port());
    socket.setSoTimeout(10_000);
    return socket;
  }
}

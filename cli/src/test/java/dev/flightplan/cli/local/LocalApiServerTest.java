package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plain HTTP against the bridge: what a curl user or the dashboard sees. */
class LocalApiServerTest {
  private final CliHarness cli = new CliHarness();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(cli.server.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(cli.server.endpoint().getPort()).isPositive();
  }

  @Test
  void yamlCreateAnswers201WithLocationAndEtagAndRecordsTheLocalActor() throws Exception {
    String yaml = Files.readString(Path.of(CliHarness.plan("checkout.yaml")));

    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(uri("/rollouts"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)));
    HttpResponse<String> history =
        send(HttpRequest.newBuilder(uri("/rollouts/checkout-v2/history")));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/rollouts/checkout-v2");
    assertThat(created.headers().firstValue("ETag")).isPresent();
    assertThat(history.body()).contains("\"actor\":\"local:test\"");
  }

  @Test
  void queryParametersReachTheHandler() throws Exception {
    cli.started();

    HttpResponse<String> answer =
        send(HttpRequest.newBuilder(uri("/flags/checkout-v2/evaluate?unit=user%2042&plan=pro")));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"bucket\"");
  }

  @Test
  void problemsArriveAsProblemJson() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/rollouts/none")));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void binaryBodiesTravelBase64AndAreRefusedAsNotAPlan() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/rollouts"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2})));

    assertThat(answer.statusCode()).isEqualTo(415);
  }

  @Test
  void aChangeAskedForByAWebPageIsRefusedAndChangesNothing() throws Exception {
    cli.started();
    String before = send(HttpRequest.newBuilder(uri("/rollouts/checkout-v2/history"))).body();

    HttpResponse<String> foreign =
        send(
            HttpRequest.newBuilder(uri("/rollouts/checkout-v2/abort"))
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"drive-by\"}")));
    HttpResponse<String> crossSite =
        send(
            HttpRequest.newBuilder(uri("/rollouts/checkout-v2/abort"))
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    for (HttpResponse<String> refused : List.of(foreign, crossSite)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(refused.body()).contains("\"status\":403", "not web pages");
    }
    assertThat(send(HttpRequest.newBuilder(uri("/rollouts/checkout-v2"))).body())
        .contains("\"status\":\"RUNNING\"");
    assertThat(send(HttpRequest.newBuilder(uri("/rollouts/checkout-v2/history"))).body())
        .isEqualTo(before);
  }

  @Test
  void theServersOwnOriginMayChangeThings() throws Exception {
    cli.started();

    HttpResponse<String> own =
        send(
            HttpRequest.newBuilder(uri("/rollouts/checkout-v2/pause"))
                .header("Origin", cli.server.endpoint().toString())
                .header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void theDashboardIsServedBesideTheApiAndItsPageActsThroughIt() throws Exception {
    cli.started();

    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/dashboard/")));
    HttpResponse<String> rollout =
        send(HttpRequest.newBuilder(uri("/dashboard/api/rollouts/checkout-v2")));
    HttpResponse<String> paused =
        send(
            HttpRequest.newBuilder(uri("/dashboard/api/rollouts/checkout-v2/pause"))
                .header("Origin", cli.server.endpoint().toString())
                .header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"look\"}")));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/dashboard"))).headers().firstValue("Location"))
        .hasValue("/dashboard/");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<title>Flightplan dashboard</title>");
    assertThat(rollout.statusCode()).isEqualTo(200);
    assertThat(rollout.body()).contains("\"id\":\"checkout-v2\"");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/rollouts/checkout-v2"))).body())
        .contains("\"status\":\"PAUSED\"");
  }

  @Test
  void aRequestForAnotherHostNameIsRefused() throws Exception {
    int port = cli.server.endpoint().getPort();

    RawHttp.Answer rebound = RawHttp.get(port, "/rollouts", "evil.example:" + port);
    RawHttp.Answer loopback = RawHttp.get(port, "/rollouts", "localhost:" + port);

    assertThat(rebound.status()).isEqualTo(403);
    assertThat(rebound.body()).contains("evil.example");
    assertThat(loopback.status()).isEqualTo(200);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAByteIsRead() throws Exception {
    int port = cli.server.endpoint().getPort();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /rollouts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 67108864\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      // Not a byte of the 64 MiB is sent: the answer comes from the declared length alone.
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.closesConnection()).isTrue();
      assertThat(answer.body()).contains("67108864 bytes", "at most 262144");
    }
    assertThat(send(HttpRequest.newBuilder(uri("/rollouts"))).body()).contains("\"items\":[]");
  }

  @Test
  void aChunkedBodyIsReadOnlyToTheLimit() throws Exception {
    int port = cli.server.endpoint().getPort();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /rollouts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 5; i++) {
        out.write(("10000\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();

      // 320 KiB sent and the body not ended: the answer cannot wait for the end.
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.body()).contains("more than 262144 bytes");
    }
    assertThat(send(HttpRequest.newBuilder(uri("/rollouts"))).statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyOfExactlyTheLimitReachesTheHandler() throws Exception {
    byte[] body = new byte[256 * 1024];
    Arrays.fill(body, (byte) ' ');

    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/rollouts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("empty");
  }

  @Test
  void aQueryThatIsNotPercentEncodedUtf8IsRefused() throws Exception {
    int port = cli.server.endpoint().getPort();
    HttpResponse<String> notUtf8 =
        send(HttpRequest.newBuilder(uri("/flags/checkout-v2/evaluate?unit=%FF")));

    assertThat(notUtf8.statusCode()).isEqualTo(400);
    assertThat(notUtf8.body()).contains("not UTF-8");
    assertThat(RawHttp.get(port, "/flags/checkout-v2/evaluate?unit=%4", "127.0.0.1").status())
        .isEqualTo(400);
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/rollouts"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isLessThan(500);
    assertThat(answer.body()).isEmpty();
  }

  private URI uri(String path) {
    return cli.server.endpoint().resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

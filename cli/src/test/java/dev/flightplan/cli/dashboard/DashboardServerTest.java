package dev.flightplan.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.RequestSigner;
import dev.flightplan.cli.api.SigV4Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** The dashboard server on its own, forwarding to a stub of the Flightplan API. */
class DashboardServerTest {
  private static final String SECRET = "secret-for-tests";
  private final HttpClient http = HttpClient.newHttpClient();
  private StubApi api;
  private DashboardServer dashboard;

  private void start(boolean readOnly, RequestSigner signer) throws IOException {
    api = new StubApi();
    dashboard =
        DashboardServer.start(
            InetAddress.getLoopbackAddress(), 0, new ApiClient(api.endpoint(), signer), readOnly);
  }

  private static SigV4Signer signer() {
    return new SigV4Signer(
        () -> AwsBasicCredentials.create("AKIDEXAMPLE", SECRET), () -> "eu-west-1");
  }

  @AfterEach
  void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(dashboard.address().resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readsAreForwardedSignedWithTheUsersCredentialsWhichTheAnswerNeverCarries() throws Exception {
    start(false, signer());

    HttpResponse<String> answer = send("GET", "/api/rollouts/checkout-v2/metrics?from=x", "");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(api.received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.target()).isEqualTo("/prod/rollouts/checkout-v2/metrics?from=x");
              assertThat(r.header("Authorization"))
                  .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                  .contains("/eu-west-1/execute-api/aws4_request");
              assertThat(r.header("X-Amz-Date")).isNotNull();
            });
    assertThat(answer.body()).isEqualTo("{\"items\":[]}").doesNotContain(SECRET);
    assertThat(answer.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
  }

  @Test
  void actionsAreForwardedWithTheirBodyAndTheApisRefusalComesBackAsItIs() throws Exception {
    start(false, RequestSigner.NONE);

    HttpResponse<String> answer =
        send("POST", "/api/rollouts/checkout-v2/pause", "{\"reason\":\"looks odd\"}");

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.target()).isEqualTo("/prod/rollouts/checkout-v2/pause");
              assertThat(r.body()).isEqualTo("{\"reason\":\"looks odd\"}");
              assertThat(r.header("Authorization")).isNull();
            });
  }

  @Test
  void readOnlyRefusesEveryChangeWith403AndForwardsNothing() throws Exception {
    start(true, RequestSigner.NONE);

    assertThat(send("POST", "/api/rollouts/checkout-v2/rollback", "{}").statusCode())
        .isEqualTo(403);
    assertThat(send("PUT", "/api/rollouts/checkout-v2", "{}").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/rollouts", "").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/config.json", "").body()).contains("\"readOnly\":true");
    assertThat(api.received).extracting(StubApi.Received::method).containsExactly("GET");
  }

  @Test
  void routesTheDashboardDoesNotNeedAre404AndNeverReachTheApi() throws Exception {
    start(false, RequestSigner.NONE);

    for (String[] request :
        new String[][] {
          {"POST", "/api/rollouts"},
          {"PUT", "/api/rollouts/checkout-v2"},
          {"POST", "/api/rollouts/checkout-v2/checklist/on-call"},
          {"POST", "/api/rollouts/checkout-v2/start"},
          {"GET", "/api/flags/checkout-v2/evaluate"},
          {"GET", "/api/rollouts/../flags/x/evaluate"},
          {"GET", "/api/rollouts/%2e%2e/history"},
          {"DELETE", "/api/rollouts/checkout-v2"},
          {"GET", "/api/"},
        }) {
      HttpResponse<String> answer = send(request[0], request[1], "");
      assertThat(answer.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
    }
    assertThat(api.received).isEmpty();
  }

  @Test
  void staticFilesHaveTheirContentTypesAndNothingElseIsServed() throws Exception {
    start(false, RequestSigner.NONE);

    assertThat(type(send("GET", "/", ""))).startsWith("text/html");
    assertThat(type(send("GET", "/app.js", ""))).startsWith("text/javascript");
    assertThat(type(send("GET", "/style.css", ""))).startsWith("text/css");
    HttpResponse<String> chartJs = send("GET", "/vendor/chart.umd.min.js", "");
    assertThat(type(chartJs)).startsWith("text/javascript");
    assertThat(chartJs.body()).contains("Chart.js v4");
    assertThat(send("GET", "/vendor/chart.js-LICENSE.md", "").body()).contains("MIT");
    assertThat(send("GET", "/", "").headers().firstValue("X-Content-Type-Options"))
        .hasValue("nosniff");
    for (String path :
        new String[] {
          "/../pom.xml",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/dashboard/../app.js/../../x",
          "/META-INF/MANIFEST.MF",
          "/dev/flightplan/cli/Flightplan.class",
          "/vendor/",
          "/index.htm"
        }) {
      assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1"))
          .as(path)
          .startsWith("HTTP/1.1 404");
    }
  }

  @Test
  void pagesOfOtherSitesAndForeignHostsAreRefused() throws Exception {
    start(false, RequestSigner.NONE);

    assertThat(raw("GET / HTTP/1.1\r\nHost: evil.example")).startsWith("HTTP/1.1 403");
    String foreign =
        raw(
            "POST /api/rollouts/checkout-v2/abort HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: https://evil.example\r\nContent-Length: 0");
    assertThat(foreign).startsWith("HTTP/1.1 403");
    assertThat(api.received).isEmpty();
  }

  @Test
  void itListensOnLoopbackOnly() throws Exception {
    api = new StubApi();
    ApiClient client = new ApiClient(api.endpoint(), RequestSigner.NONE);
    InetAddress everywhere = InetAddress.getByName("0.0.0.0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DashboardServer.start(everywhere, 0, client, false))
        .isInstanceOf(IllegalArgumentException.class);
    dashboard = DashboardServer.start(InetAddress.getLoopbackAddress(), 0, client, false);
    assertThat(dashboard.address().getHost()).isEqualTo("127.0.0.1");
  }

  private static String type(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.headers().firstValue("Content-Type").orElse("");
  }

  /** A request as written, bytes unchanged: what an HTTP client would normalise or refuse. */
  private String raw(String head) throws IOException {
    URI address = dashboard.address();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), address.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}

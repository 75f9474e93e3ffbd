package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private URI uri(String path) {
    return cli.server.endpoint().resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.flightplan.core.port.NotifierException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Failures moto does not produce on demand (throttling, 5xx, no server), served by a stub on
 * 127.0.0.1 that answers in the SNS Query protocol's error format. Each must become a {@link
 * NotifierException}, so the notification stays in the outbox and the next tick retries it.
 */
class SnsFailuresTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:flightplan";

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void throttlingIsANotifierException() throws IOException {
    URI endpoint = stub(400, error("Sender", "Throttling", "Rate exceeded"));

    try (SnsClient sns = client(endpoint, false)) {
      assertThatThrownBy(() -> notifier(sns).send(SnsFixtures.rollback("r1", 1)))
          .isInstanceOf(NotifierException.class)
          .hasMessageContaining("r1:1")
          .hasMessageContaining("Throttling (HTTP 400): Rate exceeded");
    }
  }

  @Test
  void aServerErrorIsRetriedByTheSdkAndThenANotifierException() throws IOException {
    URI endpoint = stub(500, error("Receiver", "InternalError", "try again"));

    try (SnsClient sns = client(endpoint, true)) {
      assertThatThrownBy(() -> notifier(sns).send(SnsFixtures.rollback("r1", 1)))
          .isInstanceOf(NotifierException.class)
          .hasMessageContaining("InternalError (HTTP 500)");
    }
    // The SDK retried the 5xx itself (how often depends on its retry mode) before giving up.
    assertThat(requests.get()).isGreaterThan(1);
  }

  @Test
  void noServerIsANotifierException() throws IOException {
    URI endpoint = stub(200, "");
    server.stop(0);
    server = null;

    try (SnsClient sns = client(endpoint, false)) {
      assertThatThrownBy(() -> notifier(sns).send(SnsFixtures.rollback("r1", 1)))
          .isInstanceOf(NotifierException.class)
          .hasMessageContaining("SNS Publish of r1:1");
    }
  }

  private static SnsNotifier notifier(SnsClient sns) {
    return new SnsNotifier(sns, SnsTopics.of(TOPIC));
  }

  private URI stub(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/xml");
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static SnsClient client(URI endpoint, boolean sdkRetries) {
    return SnsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            c -> {
              if (!sdkRetries) {
                c.retryStrategy(AwsRetryStrategy.doNotRetry());
              }
            })
        .build();
  }

  private static String error(String type, String code, String message) {
    return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>"
        + type
        + "</Type><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error><RequestId>stub</RequestId></ErrorResponse>";
  }
}

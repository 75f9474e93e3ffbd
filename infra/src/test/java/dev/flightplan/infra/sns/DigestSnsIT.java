package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.service.DigestPlans;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.service.Tick;
import dev.flightplan.infra.testbed.LocalAws;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Daily digests through the real SNS adapter on moto, ticked on a simulated clock across two days:
 * what an SQS subscriber reads (the JSON contract) and what an HTTP subscriber such as Amazon Q
 * Developer in chat applications reads (the custom notification), once per topic and day, with a
 * send that fails because its topic is missing and succeeds on a later tick once it exists.
 */
class DigestSnsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
  private static final String PAYMENTS_ARN =
      "arn:aws:sns:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":payments";

  private static SnsClient sns;
  private static SqsClient sqs;

  private final List<String> chatPosts = new CopyOnWriteArrayList<>();
  private HttpServer chat;
  private String searchArn;
  private TestClock clock;
  private Tick tick;
  private RolloutCommands commands;
  private InMemoryMetricsSource metrics;

  @BeforeAll
  static void clients() {
    sns = LocalAws.get().clients().sns();
    sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() {
    sqs.close();
  }

  @BeforeEach
  void world() throws IOException {
    LocalAws.get().resetMoto();
    chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    chat.createContext(
        "/",
        exchange -> {
          chatPosts.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    chat.start();
    searchArn = sns.createTopic(r -> r.name("search")).topicArn();
    SnsNotifier notifier =
        new SnsNotifier(sns, SnsTopics.of(searchArn, Map.of("payments", PAYMENTS_ARN)));
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    InMemoryActuator actuator = new InMemoryActuator();
    metrics = new InMemoryMetricsSource();
    clock = new TestClock(TestPlans.T0);
    commands = new RolloutCommands(store, actuator, notifier, clock);
    tick = new Tick(store, metrics, actuator, notifier, clock);
  }

  @AfterEach
  void stopChat() {
    chat.stop(0);
  }

  @Test
  void aDailyDigestReachesEachTopicOncePerDayInBothBodies() throws Exception {
    SnsSubscriberQueue searchQueue =
        SnsSubscriberQueue.subscribe(sns, sqs, searchArn, "search-digests");
    sns.subscribe(
        r ->
            r.topicArn(searchArn)
                .protocol("http")
                .endpoint("http://127.0.0.1:" + chat.getAddress().getPort() + "/"));
    start("alpha", new Notify("default", Notify.Digest.DAILY));
    start("beta", new Notify("default", Notify.Digest.DAILY));
    start("gamma", new Notify("payments", Notify.Digest.DAILY));

    // Monday 09:00 to Wednesday 01:00 every 30 minutes, each tick delivered twice. The payments
    // topic does not exist until Tuesday 00:45, so its first digest fails twice and then goes.
    SnsSubscriberQueue paymentsQueue = null;
    Instant paymentsAppears = Instant.parse("2025-03-04T00:45:00Z");
    while (clock.instant().isBefore(Instant.parse("2025-03-05T01:00:00Z"))) {
      clock.advance(Duration.ofMinutes(30));
      if (paymentsQueue == null && !clock.instant().isBefore(paymentsAppears)) {
        sns.createTopic(r -> r.name("payments"));
        paymentsQueue = SnsSubscriberQueue.subscribe(sns, sqs, PAYMENTS_ARN, "payments-digests");
      }
      tick.run(clock.instant());
      tick.run(clock.instant());
    }

    List<JsonNode> search = contractBodies(searchQueue, "DIGEST");
    assertThat(search)
        .extracting(b -> b.get("id").asText())
        .containsExactly(
            "digest:default:daily:2025-03-03T00:00:00Z",
            "digest:default:daily:2025-03-04T00:00:00Z");
    assertThat(search.get(0).get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(search.get(0).get("message").asText())
        .contains("alpha: RUNNING, phase 1 of 3: canary", "beta: RUNNING")
        .doesNotContain("gamma");
    assertThat(contractBodies(paymentsQueue, "DIGEST"))
        .extracting(b -> b.get("id").asText())
        .containsExactly(
            "digest:payments:daily:2025-03-03T00:00:00Z",
            "digest:payments:daily:2025-03-04T00:00:00Z");

    List<JsonNode> chatDigests =
        chatPosts.stream()
            .map(DigestSnsIT::read)
            .map(envelope -> read(envelope.get("Message").asText()))
            .filter(b -> b.path("metadata").path("eventType").asText().equals("DIGEST"))
            .toList();
    assertThat(chatDigests).hasSize(2);
    JsonNode first = chatDigests.get(0);
    assertThat(first.get("version").asText()).isEqualTo("1.0");
    assertThat(first.get("source").asText()).isEqualTo("custom");
    assertThat(first.get("id").asText()).isEqualTo("digest:default:daily:2025-03-03T00:00:00Z");
    assertThat(first.path("content").path("title").asText())
        .isEqualTo("[DIGEST] default 2025-03-03: 2 active rollouts");
    assertThat(first.path("content").path("description").asText()).contains("alpha:", "beta:");
    assertThat(first.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(first.get("eventType").asText()).isEqualTo("DIGEST");
    assertThat(first.get("message").asText())
        .isEqualTo(first.path("content").path("description").asText());
  }

  @Test
  void aRollbackOfARolloutWithADigestGoesAtOnceAndThreadsByRolloutInChat() {
    sns.subscribe(
        r ->
            r.topicArn(searchArn)
                .protocol("http")
                .endpoint("http://127.0.0.1:" + chat.getAddress().getPort() + "/"));
    start("alpha", new Notify("default", Notify.Digest.DAILY));
    metrics.set("alpha", TestPlans.ERROR_RATE, TestPlans.errorRate(9));
    clock.advance(Duration.ofMinutes(1));

    tick.run();

    assertThat(chatPosts).hasSize(1);
    JsonNode body = read(read(chatPosts.get(0)).get("Message").asText());
    assertThat(body.get("eventType").asText()).isEqualTo("ROLLBACK");
    assertThat(body.get("rolloutId").asText()).isEqualTo("alpha");
    assertThat(body.get("source").asText()).isEqualTo("custom");
    assertThat(body.path("metadata").path("threadId").asText()).isEqualTo("alpha");
    assertThat(body.path("content").path("nextSteps").toString())
        .contains("`flightplan history alpha`");
  }

  private void start(String id, Notify notify) {
    commands.create(DigestPlans.slow(id, notify), ALICE);
    metrics.set(id, TestPlans.ERROR_RATE, TestPlans.healthy());
    commands.start(id, ALICE);
  }

  /** The contract bodies of {@code eventType} the queue received, in order. */
  private static List<JsonNode> contractBodies(SnsSubscriberQueue queue, String eventType) {
    return queue.drainEnvelopes().stream()
        .map(envelope -> read(envelope.get("Message").asText()))
        .filter(body -> body.get("eventType").asText().equals(eventType))
        .toList();
  }

  private static JsonNode read(String json) {
    return SnsSubscriberQueue.read(json);
  }
}

package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.port.NotifierException;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Notification.Severity;
import dev.flightplan.infra.testbed.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The notifier against moto, read back the way subscribers see it: SQS queues subscribed to the
 * topic with raw delivery (the body is our JSON, SNS attributes become SQS attributes) and with the
 * SNS envelope (Subject, Message and MessageAttributes inside a JSON wrapper), a filter policy on
 * {@code eventType}, and a FIFO topic.
 */
class SnsNotifierIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SnsClient sns;
  private static SqsClient sqs;

  private String topicArn;
  private String rawQueue;
  private String envelopedQueue;
  private String rollbacksOnlyQueue;
  private SnsNotifier notifier;

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
  void topicWithSubscribers() {
    LocalAws.get().resetMoto();
    topicArn = sns.createTopic(r -> r.name("flightplan")).topicArn();
    rawQueue = subscribe(topicArn, "raw", true, null);
    envelopedQueue = subscribe(topicArn, "enveloped", false, null);
    rollbacksOnlyQueue = subscribe(topicArn, "pager", true, "{\"eventType\":[\"ROLLBACK\"]}");
    notifier = new SnsNotifier(sns, SnsTopics.of(topicArn));
  }

  @Test
  void rawDeliveryCarriesTheJsonBodyAndFilterableAttributes() throws Exception {
    notifier.send(SnsFixtures.rollback("new-search-algorithm", 7));

    Message message = receiveOne(rawQueue);
    JsonNode body = JSON.readTree(message.body());
    assertThat(body.get("id").asText()).isEqualTo("new-search-algorithm:7");
    assertThat(body.get("rolloutId").asText()).isEqualTo("new-search-algorithm");
    assertThat(body.get("eventType").asText()).isEqualTo("ROLLBACK");
    assertThat(body.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(body.get("values").get("error_rate").asDouble()).isEqualTo(6.2);
    assertThat(body.get("at").asText()).isEqualTo("2026-03-31T09:12:00Z");
    assertThat(message.messageAttributes())
        .hasEntrySatisfying("eventType", v -> assertThat(v.stringValue()).isEqualTo("ROLLBACK"))
        .hasEntrySatisfying("severity", v -> assertThat(v.stringValue()).isEqualTo("CRITICAL"))
        .hasEntrySatisfying(
            "rolloutId", v -> assertThat(v.stringValue()).isEqualTo("new-search-algorithm"));
  }

  @Test
  void envelopedDeliveryShowsTheSubjectAMailClientWouldShow() throws Exception {
    notifier.send(SnsFixtures.rollback("new-search-algorithm", 7));

    JsonNode envelope = JSON.readTree(receiveOne(envelopedQueue).body());
    assertThat(envelope.get("Subject").asText())
        .isEqualTo("[ROLLBACK] new-search-algorithm: error_rate 6.2 % > 5 % for 10m");
    assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
    assertThat(JSON.readTree(envelope.get("Message").asText()).get("id").asText())
        .isEqualTo("new-search-algorithm:7");
    assertThat(envelope.get("MessageAttributes").get("eventType").get("Value").asText())
        .isEqualTo("ROLLBACK");
  }

  @Test
  void aSubjectWithUnicodeAndLineBreaksArrivesAsOneShortAsciiLine() throws Exception {
    Notification rollback = SnsFixtures.rollback("suche", 1);
    String subject = "[ROLLBACK] suche: Latenz ≥ 2× Basis — café\nzweite Zeile " + "x".repeat(120);
    notifier.send(
        new Notification(
            rollback.id(),
            rollback.rolloutId(),
            rollback.eventType(),
            rollback.severity(),
            subject,
            rollback.message(),
            rollback.values(),
            rollback.at()));

    JsonNode envelope = JSON.readTree(receiveOne(envelopedQueue).body());
    String shown = envelope.get("Subject").asText();
    assertThat(shown).startsWith("[ROLLBACK] suche: Latenz >= 2x Basis - cafe zweite Zeile");
    assertThat(shown).hasSizeLessThanOrEqualTo(SnsSubject.MAX_LENGTH).endsWith("...");
    assertThat(shown.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    // The body keeps the full subject as the core wrote it.
    assertThat(JSON.readTree(envelope.get("Message").asText()).get("subject").asText())
        .isEqualTo(subject);
  }

  @Test
  void aFilterPolicyOnEventTypeLetsOnlyRollbacksThrough() {
    notifier.send(SnsFixtures.event("r1", 1, "START", Severity.INFO));
    notifier.send(SnsFixtures.event("r1", 2, "PAUSE", Severity.WARNING));
    notifier.send(SnsFixtures.rollback("r1", 3));
    notifier.send(SnsFixtures.event("r1", 4, "ADVANCE", Severity.INFO));

    assertThat(receiveAll(rawQueue)).hasSize(4);
    List<Message> paged = receiveAll(rollbacksOnlyQueue);
    assertThat(paged).hasSize(1);
    assertThat(paged.get(0).messageAttributes().get("eventType").stringValue())
        .isEqualTo("ROLLBACK");
  }

  @Test
  void aFifoTopicGetsTheNotificationIdAsDedupeIdAndTheRolloutAsGroup() throws Exception {
    String fifoTopic =
        sns.createTopic(
                r ->
                    r.name("flightplan.fifo")
                        .attributes(
                            Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false")))
            .topicArn();
    String fifoQueue = subscribe(fifoTopic, "pager.fifo", true, null);
    SnsNotifier fifo = new SnsNotifier(sns, SnsTopics.of(fifoTopic));

    fifo.send(SnsFixtures.rollback("new-search-algorithm", 7));
    // A resend after an unknown outcome: same id, so SNS/SQS drop it.
    fifo.send(SnsFixtures.rollback("new-search-algorithm", 7));
    fifo.send(SnsFixtures.rollback("new-search-algorithm", 8));

    List<Message> messages = receiveAll(fifoQueue);
    assertThat(messages).hasSize(2);
    Message first = messages.get(0);
    assertThat(first.attributes())
        .containsEntry(
            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "new-search-algorithm:7")
        .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "new-search-algorithm");
    assertThat(JSON.readTree(messages.get(1).body()).get("id").asText())
        .isEqualTo("new-search-algorithm:8");
  }

  @Test
  void aTopicThatDoesNotExistIsANotifierException() {
    SnsNotifier missing = new SnsNotifier(sns, SnsTopics.of(topicArn + "-gone"));

    assertThatThrownBy(() -> missing.send(SnsFixtures.rollback("r1", 1)))
        .isInstanceOf(NotifierException.class)
        .hasMessageContaining("r1:1")
        .hasMessageContaining(topicArn + "-gone")
        .hasMessageContaining("NotFound");
  }

  @Test
  void aPlanTopicAliasPicksItsTopicAndAnUnknownAliasFallsBackToTheDefault() {
    String payments = sns.createTopic(r -> r.name("payments")).topicArn();
    String paymentsQueue = subscribe(payments, "payments", true, null);
    SnsNotifier routed = new SnsNotifier(sns, SnsTopics.of(topicArn, Map.of("payments", payments)));

    routed.send(SnsFixtures.rollback("r1", 1), "payments");
    routed.send(SnsFixtures.rollback("r1", 2), "no-such-alias");
    routed.send(SnsFixtures.rollback("r1", 3), SnsTopics.DEFAULT);

    assertThat(receiveAll(paymentsQueue)).hasSize(1);
    assertThat(receiveAll(rawQueue)).hasSize(2);
  }

  @Test
  void latencyOfPublishAgainstMoto() {
    long[] seq = {0};
    Latencies publish =
        Latencies.measure(100, () -> notifier.send(SnsFixtures.rollback("bench", seq[0]++)));
    System.out.println(publish.report("SNS Publish (3 SQS subscribers) against moto"));
    assertThat(publish.count()).isEqualTo(100);
  }

  private static String subscribe(String topic, String queue, boolean raw, String filterPolicy) {
    Map<QueueAttributeName, String> attributes =
        queue.endsWith(".fifo") ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
    String url = sqs.createQueue(r -> r.queueName(queue).attributes(attributes)).queueUrl();
    String arn =
        sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    Map<String, String> subscription = new java.util.HashMap<>();
    subscription.put("RawMessageDelivery", String.valueOf(raw));
    if (filterPolicy != null) {
      subscription.put("FilterPolicy", filterPolicy);
    }
    sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(arn).attributes(subscription));
    return url;
  }

  private static Message receiveOne(String queue) {
    List<Message> messages = receiveAll(queue);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  /** SNS delivers to SQS inside Publish in moto, so one short poll per page drains the queue. */
  private static List<Message> receiveAll(String queue) {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> page =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(queue)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(0)
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      for (Message message : page) {
        sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
      }
    }
  }
}

package dev.flightplan.infra.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.port.NotifierContract.Delivered;
import dev.flightplan.core.state.Notification.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS queue subscribed to a topic with the SNS envelope, read back as a mail or pager subscriber
 * sees a notification: the envelope's Subject, the filterable message attributes, the body's id.
 */
final class SnsSubscriberQueue {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final String url;

  private SnsSubscriberQueue(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  /** A queue named like the topic (FIFO for a FIFO topic), subscribed without raw delivery. */
  static SnsSubscriberQueue subscribe(SnsClient sns, SqsClient sqs, String topicArn, String name) {
    boolean fifo = topicArn.endsWith(".fifo");
    Map<QueueAttributeName, String> attributes =
        fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
    String url =
        sqs.createQueue(r -> r.queueName(fifo ? name + ".fifo" : name).attributes(attributes))
            .queueUrl();
    String arn =
        sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(
        r ->
            r.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "false")));
    return new SnsSubscriberQueue(sqs, url);
  }

  /** Everything delivered so far, in arrival order; each message is deleted once read. */
  List<Delivered> drain() {
    return drainEnvelopes().stream().map(SnsSubscriberQueue::delivered).toList();
  }

  /** The SNS envelopes delivered so far, in arrival order; each message is deleted once read. */
  List<JsonNode> drainEnvelopes() {
    List<JsonNode> all = new ArrayList<>();
    while (true) {
      List<Message> page =
          sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      if (page.isEmpty()) {
        return all;
      }
      for (Message message : page) {
        all.add(read(message.body()));
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
      }
    }
  }

  private static Delivered delivered(JsonNode envelope) {
    JsonNode attributes = envelope.path("MessageAttributes");
    JsonNode body = read(envelope.path("Message").asText());
    return new Delivered(
        body.path("id").asText(),
        attributes.path(SnsNotifier.EVENT_TYPE).path("Value").asText(),
        Severity.valueOf(attributes.path(SnsNotifier.SEVERITY).path("Value").asText()),
        attributes.path(SnsNotifier.ROLLOUT_ID).path("Value").asText(),
        envelope.path("Subject").asText());
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}

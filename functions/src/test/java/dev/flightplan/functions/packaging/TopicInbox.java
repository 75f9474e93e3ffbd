package dev.flightplan.functions.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A queue subscribed to a topic (raw delivery), to read what was published on it. */
final class TopicInbox implements AutoCloseable {
  private final SqsClient sqs;
  private final String queueUrl;

  private TopicInbox(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  static TopicInbox subscribe(SnsClient sns, String topicArn, String queueName) {
    SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    String queueUrl = sqs.createQueue(r -> r.queueName(queueName)).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(
        r ->
            r.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
    return new TopicInbox(sqs, queueUrl);
  }

  /** Every message waiting (SNS delivers inside Publish, so none is still on its way). */
  List<String> drain() {
    List<String> bodies = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      for (Message m : batch) {
        bodies.add(m.body());
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return bodies;
  }

  @Override
  public void close() {
    sqs.close();
  }
}

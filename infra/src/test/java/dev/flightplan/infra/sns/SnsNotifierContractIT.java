package dev.flightplan.infra.sns;

import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.NotifierContract;
import dev.flightplan.infra.testbed.LocalAws;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The core's notifier contract against moto: a standard topic with an SQS subscriber. Standard
 * topics promise no order, so the order check runs on a FIFO topic ({@link
 * SnsFifoNotifierContractIT}) only.
 */
class SnsNotifierContractIT extends NotifierContract {
  private static SnsClient sns;
  private static SqsClient sqs;

  private String topicArn;
  private SnsSubscriberQueue subscriber;
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
  void topicWithSubscriber() {
    LocalAws.get().resetMoto();
    topicArn = createTopic(sns);
    subscriber = SnsSubscriberQueue.subscribe(sns, sqs, topicArn, "subscriber");
    notifier = new SnsNotifier(sns, SnsTopics.of(topicArn));
  }

  /** The topic the notifier publishes to. */
  String createTopic(SnsClient client) {
    return client.createTopic(r -> r.name("flightplan")).topicArn();
  }

  @Override
  protected Notifier notifier() {
    return notifier;
  }

  @Override
  protected List<Delivered> delivered() {
    return subscriber.drain();
  }

  /** Publishing to a deleted topic fails with NotFound, as a misconfigured deployment would. */
  @Override
  protected void breakIt() {
    sns.deleteTopic(r -> r.topicArn(topicArn));
  }

  @Override
  protected Optional<String> orderNotKeptBecause() {
    return Optional.of("a standard SNS topic does not promise delivery order; FIFO topics do");
  }
}

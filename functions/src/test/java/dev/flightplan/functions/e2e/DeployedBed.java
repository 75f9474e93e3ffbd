package dev.flightplan.functions.e2e;

import dev.flightplan.core.service.TestClock;
import dev.flightplan.functions.AwsWiring;
import dev.flightplan.functions.Config;
import dev.flightplan.functions.Wiring;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A deployment on the local servers: fresh tables in DynamoDB Local, a topic in moto with a queue
 * subscribed to it, and the wiring {@link AwsWiring#build} makes of them, as {@code
 * Wiring.fromEnvironment()} would, but with a test clock.
 */
final class DeployedBed implements AutoCloseable {
  final LocalAws aws = LocalAws.get();
  final AwsClients clients;
  final SqsClient sqs;
  final String prefix = "fp-e2e-" + System.nanoTime() % 1_000_000 + "-";
  final Tables tables = new Tables(prefix);
  final TestClock clock;
  final String topicArn;
  final String queueUrl;
  final Config config;
  final Wiring wiring;

  DeployedBed() {
    aws.resetMoto(); // also sets the endpoints the clients below pick up
    clients = AwsWiring.clients();
    sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    TableCreator.createTables(clients.dynamoDb(), tables);
    topicArn = clients.sns().createTopic(r -> r.name(prefix + "events")).topicArn();
    queueUrl = sqs.createQueue(r -> r.queueName(prefix + "inbox")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    clients
        .sns()
        .subscribe(
            r ->
                r.topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
    // Half a minute past a real minute: metric data written a few minutes back is in the window.
    clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30));
    config = Config.from(Map.of(Config.TOPIC_ARN, topicArn, Config.TABLE_PREFIX, prefix));
    wiring = AwsWiring.build(config, clients, clock);
  }

  /** Every message waiting on the subscribed queue (SNS delivered them inside Publish). */
  List<String> drainInbox() {
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
    clients.close();
  }
}

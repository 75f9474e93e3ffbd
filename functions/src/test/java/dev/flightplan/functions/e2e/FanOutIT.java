package dev.flightplan.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.port.ShardTick;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.functions.AwsWiring;
import dev.flightplan.functions.Config;
import dev.flightplan.functions.ControllerHandler;
import dev.flightplan.functions.FakeContext;
import dev.flightplan.functions.FanOutSettings;
import dev.flightplan.functions.ShardWorkerHandler;
import dev.flightplan.functions.Wiring;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sqs.ShardMessages;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The deployed wiring with {@code FLIGHTPLAN_TICK_FAN_OUT=queue}, on DynamoDB Local and moto's SQS:
 * the controller sends one message per due shard, and workers fed those messages run every shard of
 * the minute.
 */
class FanOutIT {
  private static final int SHARDS = 5;

  @Test
  void theControllerSendsEveryShardAndTheWorkersRunThem() {
    LocalAws aws = LocalAws.get();
    aws.resetMoto();
    String prefix = "fp-fanout-" + System.nanoTime() % 1_000_000 + "-";
    try (AwsClients clients = AwsWiring.clients()) {
      TableCreator.createTables(clients.dynamoDb(), new Tables(prefix));
      SqsClient sqs = clients.sqs();
      String queue = sqs.createQueue(r -> r.queueName(prefix + "shards")).queueUrl();
      String topic = clients.sns().createTopic(r -> r.name(prefix + "events")).topicArn();
      Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      Config config =
          Config.from(
              Map.of(
                  Config.TOPIC_ARN, topic,
                  Config.TABLE_PREFIX, prefix,
                  FanOutSettings.DUE_SHARDS, String.valueOf(SHARDS),
                  FanOutSettings.FAN_OUT, FanOutSettings.QUEUE,
                  FanOutSettings.SHARD_QUEUE_URL, queue));
      Wiring wiring = AwsWiring.build(config, clients, new TestClock(minute.plusSeconds(20)));

      Map<String, Object> summary =
          new ControllerHandler(wiring)
              .handleRequest(
                  Map.of("source", "flightplan.schedule", "scheduledTime", minute.toString()),
                  new FakeContext("controller"));
      List<Message> messages = receiveAll(sqs, queue);
      ShardWorkerHandler worker = new ShardWorkerHandler(wiring);
      List<Object> failures = new ArrayList<>();
      for (Message message : messages) {
        failures.addAll(
            (List<?>)
                worker
                    .handleRequest(event(message), new FakeContext("worker"))
                    .get("batchItemFailures"));
      }

      assertThat(wiring.store().dueShards()).isEqualTo(SHARDS);
      assertThat(summary).containsEntry("shardsDispatched", SHARDS);
      assertThat(messages.stream().map(m -> ShardMessages.parse(m.body())).toList())
          .containsExactlyInAnyOrder(
              new ShardTick(minute, 0),
              new ShardTick(minute, 1),
              new ShardTick(minute, 2),
              new ShardTick(minute, 3),
              new ShardTick(minute, 4));
      assertThat(failures).isEmpty();
      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(wiring.store().isProcessed("tick:" + minute + ":" + shard))
            .as("shard " + shard)
            .isTrue();
      }
      assertThat(wiring.store().isProcessed("tick:" + minute)).isFalse();
    }
  }

  private static List<Message> receiveAll(SqsClient sqs, String queue) {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  private static Map<String, Object> event(Message message) {
    return Map.of(
        "Records",
        List.of(
            Map.of(
                "messageId", message.messageId(),
                "body", message.body(),
                "eventSource", "aws:sqs")));
  }
}

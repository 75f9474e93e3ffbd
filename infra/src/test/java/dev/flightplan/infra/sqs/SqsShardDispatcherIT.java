package dev.flightplan.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.port.ShardTick;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Shard ticks through moto's SQS: every one arrives once, and reads back as it was sent. */
class SqsShardDispatcherIT {
  private final LocalAws aws = LocalAws.get();
  private final SqsClient sqs = aws.clients().sqs();

  @Test
  void everyShardTickArrivesOnTheQueue() {
    aws.resetMoto();
    String queue = sqs.createQueue(r -> r.queueName("fp-shards-" + System.nanoTime())).queueUrl();
    Instant minute = Instant.parse("2026-11-24T09:01:00Z");
    List<ShardTick> sent = IntStream.range(0, 16).mapToObj(i -> new ShardTick(minute, i)).toList();

    new SqsShardDispatcher(sqs, queue).dispatch(sent);

    assertThat(receiveAll(queue)).containsExactlyInAnyOrderElementsOf(sent);
  }

  private List<ShardTick> receiveAll(String queue) {
    List<ShardTick> received = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      for (Message message : batch) {
        received.add(ShardMessages.parse(message.body()));
        sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return received;
  }
}

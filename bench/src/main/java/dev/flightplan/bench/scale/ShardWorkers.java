package dev.flightplan.bench.scale;

import dev.flightplan.functions.ShardWorkerHandler;
import dev.flightplan.functions.Wiring;
import dev.flightplan.infra.sqs.ShardMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * W workers as Lambda runs them behind the queue's event source mapping: each thread its own {@link
 * ShardWorkerHandler}, receiving one message at a time (batch size 1), invoking the handler with
 * the SQS event the mapping would build, and deleting the message unless the handler named it in
 * its partial batch response.
 */
final class ShardWorkers {
  /** One handled message: its shard, the handler's time, and whether it succeeded. */
  record ShardRun(int shard, long nanos, boolean ok) {}

  private final Wiring wiring;
  private final SqsClient sqs;
  private final String queueUrl;

  ShardWorkers(Wiring wiring, SqsClient sqs, String queueUrl) {
    this.wiring = wiring;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** {@link #drain} in the background. */
  CompletableFuture<List<ShardRun>> drainAsync(int workers, int shards, Duration limit) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return drain(workers, shards, limit);
          } catch (Exception e) {
            throw new IllegalStateException("the workers failed", e);
          }
        });
  }

  /**
   * Runs {@code workers} threads until each of {@code shards} shards was handled successfully or
   * {@code limit} passed. A message redelivered while its first delivery still runs (a shard longer
   * than the visibility timeout) is handled too, as a duplicate: it is in the runs.
   */
  List<ShardRun> drain(int workers, int shards, Duration limit) throws Exception {
    ConcurrentLinkedQueue<ShardRun> runs = new ConcurrentLinkedQueue<>();
    Set<Integer> done = ConcurrentHashMap.newKeySet();
    long deadline = System.nanoTime() + limit.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        ShardWorkerHandler handler = new ShardWorkerHandler(wiring);
        threads.add(pool.submit(() -> work(handler, runs, done, shards, deadline)));
      }
      for (Future<?> thread : threads) {
        thread.get();
      }
    } finally {
      pool.shutdown();
    }
    if (done.size() < shards) {
      throw new IllegalStateException(
          (shards - done.size()) + " shards not handled within " + limit);
    }
    return List.copyOf(runs);
  }

  private void work(
      ShardWorkerHandler handler,
      ConcurrentLinkedQueue<ShardRun> runs,
      Set<Integer> done,
      int shards,
      long deadline) {
    while (done.size() < shards && System.nanoTime() < deadline) {
      List<Message> received =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(1))
              .messages();
      for (Message message : received) {
        long started = System.nanoTime();
        Map<String, Object> response =
            handler.handleRequest(event(message), new BenchContext("worker"));
        long nanos = System.nanoTime() - started;
        boolean ok = ((List<?>) response.get("batchItemFailures")).isEmpty();
        int shard = ShardMessages.parse(message.body()).shard();
        runs.add(new ShardRun(shard, nanos, ok));
        if (ok) {
          delete(message);
          done.add(shard);
        }
      }
    }
  }

  /** As the event source mapping does; a receipt outdated by a redelivery is left to SQS. */
  private void delete(Message message) {
    try {
      sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    } catch (SqsException e) {
      System.out.println("delete of a redelivered message refused: " + e.getMessage());
    }
  }

  /** The SQS event the event source mapping builds around one message. */
  private static Map<String, Object> event(Message message) {
    Map<String, Object> record =
        Map.of(
            "messageId", message.messageId(),
            "receiptHandle", message.receiptHandle(),
            "body", message.body(),
            "attributes", Map.of(),
            "messageAttributes", Map.of(),
            "eventSource", "aws:sqs",
            "eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:scale-shards",
            "awsRegion", "us-east-1");
    return Map.of("Records", List.of(record));
  }
}

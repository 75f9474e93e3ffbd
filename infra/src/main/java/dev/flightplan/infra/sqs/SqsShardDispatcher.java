package dev.flightplan.infra.sqs;

import dev.flightplan.core.port.DispatchException;
import dev.flightplan.core.port.ShardDispatcher;
import dev.flightplan.core.port.ShardTick;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Shard ticks as messages on the workers' queue, ten to a {@code SendMessageBatch} (its limit).
 * Entries a batch reports as failed are sent once more; what fails again is named in the {@link
 * DispatchException}, so the caller knows which shards no worker will see.
 */
public final class SqsShardDispatcher implements ShardDispatcher {
  static final int BATCH = 10;
  private static final int ATTEMPTS = 2;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsShardDispatcher(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void dispatch(List<ShardTick> shards) {
    List<ShardTick> undelivered = new ArrayList<>();
    SdkException lastError = null;
    for (int from = 0; from < shards.size(); from += BATCH) {
      List<ShardTick> batch = shards.subList(from, Math.min(shards.size(), from + BATCH));
      for (int attempt = 1; attempt <= ATTEMPTS && !batch.isEmpty(); attempt++) {
        try {
          batch = send(batch);
        } catch (SdkException e) {
          lastError = e;
        }
      }
      undelivered.addAll(batch);
    }
    if (!undelivered.isEmpty()) {
      String cause =
          lastError == null ? "SendMessageBatch refused them twice" : lastError.getMessage();
      throw new DispatchException(
          undelivered.size() + " shard messages not sent to " + queueUrl + ": " + cause,
          undelivered,
          lastError);
    }
  }

  /** Sends one batch; returns the entries SQS did not accept. */
  private List<ShardTick> send(List<ShardTick> batch) {
    Map<String, ShardTick> byId = new HashMap<>();
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      ShardTick tick = batch.get(i);
      String id = "e" + i;
      byId.put(id, tick);
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(id)
              .messageBody(ShardMessages.body(tick))
              .build());
    }
    SendMessageBatchResponse response =
        sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    List<ShardTick> failed = new ArrayList<>();
    for (BatchResultErrorEntry error : response.failed()) {
      failed.add(byId.get(error.id()));
    }
    return failed;
  }
}

package dev.flightplan.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flightplan.core.port.DispatchException;
import dev.flightplan.core.port.ShardTick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** At the SDK boundary: batches of ten, and what SQS refuses is sent again, then reported. */
class SqsShardDispatcherTest {
  private static final Instant MINUTE = Instant.parse("2026-11-24T09:01:00Z");

  @Test
  void sendsTenShardsToABatch() {
    FakeSqs sqs = new FakeSqs(0);

    new SqsShardDispatcher(sqs, "queue").dispatch(ticks(23));

    assertThat(sqs.batches).extracting(List::size).containsExactly(10, 10, 3);
    assertThat(sqs.accepted).containsExactlyElementsOf(ticks(23));
  }

  @Test
  void entriesSqsRefusesAreSentOnceMore() {
    FakeSqs sqs = new FakeSqs(1); // the first entry of each request is refused, once

    new SqsShardDispatcher(sqs, "queue").dispatch(ticks(12));

    assertThat(sqs.accepted).containsExactlyInAnyOrderElementsOf(ticks(12));
  }

  @Test
  void entriesRefusedTwiceAreNamedInTheException() {
    FakeSqs sqs = new FakeSqs(Integer.MAX_VALUE);

    DispatchException e =
        catchThrowableOfType(
            DispatchException.class,
            () -> new SqsShardDispatcher(sqs, "queue").dispatch(ticks(12)));

    assertThat(e.undelivered()).containsExactly(ticks(12).get(0), ticks(12).get(10));
    assertThat(e).hasMessageContaining("2 shard messages not sent to queue");
    assertThat(sqs.accepted).hasSize(10);
  }

  private static List<ShardTick> ticks(int count) {
    return IntStream.range(0, count).mapToObj(i -> new ShardTick(MINUTE, i)).toList();
  }

  /** Refuses the first entry of each request while {@code refusals} last. */
  private static final class FakeSqs implements SqsClient {
    final List<List<ShardTick>> batches = new ArrayList<>();
    final List<ShardTick> accepted = new ArrayList<>();
    private int refusals;

    FakeSqs(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
      List<ShardTick> batch = new ArrayList<>();
      SendMessageBatchResponse.Builder response = SendMessageBatchResponse.builder();
      List<BatchResultErrorEntry> failed = new ArrayList<>();
      List<SendMessageBatchResultEntry> ok = new ArrayList<>();
      for (SendMessageBatchRequestEntry entry : request.entries()) {
        ShardTick tick = ShardMessages.parse(entry.messageBody());
        batch.add(tick);
        if (entry == request.entries().get(0) && refusals > 0) {
          refusals--;
          failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError").build());
        } else {
          accepted.add(tick);
          ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).build());
        }
      }
      batches.add(batch);
      return response.successful(ok).failed(failed).build();
    }

    @Override
    public String serviceName() {
      return "sqs";
    }

    @Override
    public void close() {}
  }
}

package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.InMemoryWiring;
import dev.flightplan.functions.Reply;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Limits the API's own checks let through reach DynamoDB, which refuses them as invalid: the answer
 * is the caller's (413, 400), never a 500, and carries nothing of the store's message.
 */
class StoreRefusalsTest {

  @Test
  void anItemOverTheStoresSizeIs413() {
    Reply reply =
        createWith(
            () ->
                validation(
                    "Item size has exceeded the maximum allowed size (table flightplan-rollouts)"));

    assertThat(reply.problem(413).path("detail").asText()).contains("400 KB");
    assertThat(reply.body()).doesNotContain("flightplan-rollouts");
  }

  @Test
  void aTransactionCancelledForItsSizeIs413() {
    TransactionCanceledException cancelled =
        TransactionCanceledException.builder()
            .cancellationReasons(
                CancellationReason.builder()
                    .code("ValidationError")
                    .message("Item size has exceeded the maximum allowed size")
                    .build(),
                CancellationReason.builder().code("None").build())
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
            .statusCode(400)
            .build();

    createWith(() -> new IllegalStateException("write was cancelled", cancelled)).problem(413);
  }

  @Test
  void anyOtherValidationRefusalIs400() {
    JsonNode problem =
        createWith(
                () ->
                    validation(
                        "Hash primary key values must be under 2048 bytes, and range primary key"
                            + " values must be under 1024 bytes"))
            .problem(400);

    assertThat(problem.path("detail").asText()).doesNotContain("2048");
  }

  @Test
  void otherStoreFailuresStay500() {
    DynamoDbException throttled =
        (DynamoDbException)
            DynamoDbException.builder()
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .build())
                .statusCode(400)
                .build();

    createWith(() -> throttled).problem(500);
  }

  private static RuntimeException validation(String message) {
    return DynamoDbException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("ValidationException")
                .errorMessage(message)
                .build())
        .message(message)
        .statusCode(400)
        .build();
  }

  /** Creates the fixture's rollout on a store that fails the write with {@code failure}. */
  private static Reply createWith(Supplier<RuntimeException> failure) {
    InMemoryRolloutStore store =
        new InMemoryRolloutStore() {
          @Override
          public synchronized Rollout create(Rollout rollout, List<HistoryEntry> history) {
            RuntimeException e = failure.get();
            if (e != null) {
              throw e;
            }
            return super.create(rollout, history);
          }
        };
    Api api =
        new Api(
            InMemoryWiring.over(
                new TestClock(Api.T0), store, new InMemoryActuator(), new RecordingNotifier()));
    Reply reply = api.send("create-rollout-json");
    if (reply.status() != 201) {
      assertThat(store.get(ID)).isEmpty();
    }
    return reply;
  }
}

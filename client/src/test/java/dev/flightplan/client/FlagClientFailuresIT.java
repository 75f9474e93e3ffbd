package dev.flightplan.client;

import static dev.flightplan.client.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * What really goes wrong with the flags table, through the real SDK: a missing table (DynamoDB
 * Local), throttling (DynamoDB Local's answers turned into DynamoDB's throttling error, see {@link
 * Throttler}) and a hung endpoint (a socket that never answers).
 */
class FlagClientFailuresIT {
  private static final Exposure ALL = new Exposure(Exposure.ALL, Set.of());
  private final RecordingListener listener = new RecordingListener();
  private DynamoDbClient dynamoDb;
  private FlagClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  @Test
  void aMissingTableAnswersDefaultsAndTheClientRecoversOnceItExists() {
    dynamoDb = LocalDynamoDb.client();
    Tables tables = LocalDynamoDb.absentTables();
    client = builder(tables).build();

    assertThat(client.status()).isEqualTo(FlagClientStatus.ERROR);
    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.ERROR);
    assertThat(listener.errors).first().isInstanceOf(ResourceNotFoundException.class);

    TableCreator.createTables(dynamoDb, tables);
    writer(tables).apply("r1", new Target.Flag("checkout"), ALL);
    await("recovered", () -> client.isEnabled("checkout", "u"));

    assertThat(client.status()).isEqualTo(FlagClientStatus.READY);
    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
    assertThat(listener.calls).contains("ready");
  }

  @Test
  void throttlingKeepsTheLastGoodSnapshotTurnsStaleAndRecovers() {
    Throttler throttler = new Throttler();
    dynamoDb = LocalDynamoDb.client(throttler);
    Tables tables = LocalDynamoDb.freshTables(dynamoDb);
    writer(tables).apply("r1", new Target.Flag("checkout"), ALL);
    client = builder(tables).staleAfter(Duration.ofMillis(1_500)).build();
    assertThat(client.status()).isEqualTo(FlagClientStatus.READY);

    throttler.on = true;
    await("a throttled read", () -> !listener.errors.isEmpty());
    assertThat(listener.errors).first().isInstanceOf(ThrottlingException.class);
    assertThat(client.evaluate("checkout", "u", Map.of()).enabled()).isTrue();

    await("stale", () -> client.status() == FlagClientStatus.STALE);
    FlagResult stale = client.evaluate("checkout", "u", Map.of());
    assertThat(stale.reason()).isEqualTo(EvaluationReason.STALE);
    assertThat(stale.enabled()).isTrue();
    await("the stale event", () -> listener.calls.contains("stale"));

    throttler.on = false;
    await("recovered", () -> client.status() == FlagClientStatus.READY);
    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
  }

  @Test
  void theStartTimeoutHoldsAgainstAHungEndpoint() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      dynamoDb = LocalDynamoDb.client(silent.endpoint(), Duration.ofSeconds(30));
      long started = System.nanoTime();
      client = builder(new Tables("t-")).startTimeout(Duration.ofMillis(300)).build();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(client.status()).isEqualTo(FlagClientStatus.NOT_READY);
      assertThat(client.isEnabled("checkout", "u")).isFalse();
      assertThat(silent.connections()).isPositive();
      client.close();
      await("no refresh thread", () -> Eventually.refreshThreads() == 0);
    }
  }

  @Test
  void timeoutsKeepTheLastGoodSnapshotAndTheSchedule(@TempDir Path dir) throws Exception {
    dynamoDb = LocalDynamoDb.client();
    Tables tables = LocalDynamoDb.freshTables(dynamoDb);
    writer(tables).apply("r1", new Target.Flag("checkout"), ALL);
    try (FlagClient first = builder(tables).build()) {
      first.writeSnapshot(dir.resolve("flags.json"));
    }
    try (SilentServer silent = new SilentServer();
        DynamoDbClient hung = LocalDynamoDb.client(silent.endpoint(), Duration.ofMillis(200))) {
      client =
          FlagClient.builder()
              .dynamoDb(hung)
              .table(tables.flags())
              .bootstrap(dir.resolve("flags.json"))
              .pollInterval(Duration.ofMillis(100))
              .staleAfter(Duration.ofMinutes(5))
              .listener(listener)
              .build();

      await("several timed-out reads", () -> listener.errors.size() >= 3);
      assertThat(listener.errors).allMatch(e -> e instanceof ApiCallTimeoutException);
      assertThat(client.evaluate("checkout", "u", Map.of()).reason())
          .isEqualTo(EvaluationReason.PERCENTAGE);
      client.close();
    }
  }

  private FlagClientBuilder builder(Tables tables) {
    return FlagClient.builder()
        .dynamoDb(dynamoDb)
        .table(tables.flags())
        .pollInterval(Duration.ofMillis(100))
        .startTimeout(Duration.ofSeconds(10))
        .listener(listener);
  }

  private DynamoDbFlagExposure writer(Tables tables) {
    return new DynamoDbFlagExposure(dynamoDb, tables, id -> Map.of(), Clock.systemUTC());
  }
}

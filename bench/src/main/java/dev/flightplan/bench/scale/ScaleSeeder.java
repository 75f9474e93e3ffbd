package dev.flightplan.bench.scale;

import dev.flightplan.bench.StoredItemsClient;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * R running rollouts, due now, written straight into the rollouts table with {@code BatchWriteItem}
 * (25 items a call, several calls at once). One item is encoded by the store's own mapping; the
 * others are copies of it with their own id (in the key, the plan and its flag) and the due shard
 * the store gives that id, so each reads back as the store wrote it.
 */
final class ScaleSeeder {
  static final String TEMPLATE_ID = "scale-0000000";
  private static final int BATCH = 25;
  private static final int THREADS = 4;

  private ScaleSeeder() {}

  static String id(int i) {
    return String.format(Locale.ROOT, "scale-%07d", i);
  }

  /**
   * Writes {@code count} rollouts due at {@code now}; {@code shardOf} is the store's due shard of
   * an id. Returns the ids.
   */
  static List<String> seed(
      DynamoDbClient dynamoDb, Tables tables, Instant now, int count, ToIntFunction<String> shardOf)
      throws Exception {
    Map<String, AttributeValue> template = templateItem(tables, now);
    List<String> ids = new ArrayList<>(count);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int from = 0; from < count; from += BATCH) {
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(count, from + BATCH); i++) {
          String id = id(i);
          ids.add(id);
          batch.add(put(copy(template, id, shardOf.applyAsInt(id))));
        }
        writes.add(pool.submit(() -> write(dynamoDb, tables.rollouts(), batch)));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
    return ids;
  }

  private static Map<String, AttributeValue> templateItem(Tables tables, Instant now) {
    StoredItemsClient capture = new StoredItemsClient(tables.rollouts());
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    Plan plan = PlanReader.read(planText());
    new DynamoDbRolloutStore(capture, tables, clock)
        .create(new Rollout(plan, running(now), 0), List.of());
    return capture.items().get(0);
  }

  private static Map<String, AttributeValue> copy(
      Map<String, AttributeValue> template, String id, int shard) {
    Map<String, AttributeValue> item = new HashMap<>(template);
    template.forEach(
        (name, value) -> {
          if (value.s() != null && value.s().contains(TEMPLATE_ID)) {
            item.put(name, AttributeValue.fromS(value.s().replace(TEMPLATE_ID, id)));
          }
        });
    item.put(Tables.Attr.DUE_SHARD, AttributeValue.fromS(String.valueOf(shard)));
    return item;
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  /** One batch, with whatever DynamoDB leaves unprocessed sent again. */
  private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  /**
   * Started a day ago, in its first phase, due two minutes ago: before the start of the minute the
   * tick runs for, wherever in its minute the seeding began (the tick's clock starts at that
   * minute).
   */
  private static RolloutState running(Instant now) {
    return RolloutState.draft(now.minus(Duration.ofDays(1))).toBuilder()
        .status(RolloutStatus.RUNNING)
        .phase(0)
        .phaseStartedAt(now.minus(Duration.ofMinutes(5)))
        .nextEvaluationAt(now.minus(Duration.ofMinutes(2)))
        .build();
  }

  private static String planText() {
    try (InputStream in = ScaleSeeder.class.getResourceAsStream("scale-plan.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.flightplan.client;

import dev.flightplan.evaluation.FlagExposure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the flags table with eventually consistent reads: a Scan of every flag (one request while
 * the table is under 1 MB, more pages after that), or BatchGetItem of a named set (one request per
 * 100 flags). Flags the controller never wrote are simply absent.
 */
final class DynamoDbSnapshotSource implements FlagSnapshotSource {
  private static final int BATCH_GET_LIMIT = 100;
  private static final int UNPROCESSED_RETRIES = 3;

  private final Supplier<DynamoDbClient> dynamoDb;
  private final String table;
  private final List<String> flagKeys;

  /**
   * @param dynamoDb built on first use, on the refresh thread, so resolving region and credentials
   *     never delays the application's start past its timeout
   * @param flagKeys the flags to read; empty for every flag
   */
  DynamoDbSnapshotSource(Supplier<DynamoDbClient> dynamoDb, String table, List<String> flagKeys) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.flagKeys = List.copyOf(flagKeys);
  }

  @Override
  public FlagRead read() {
    List<Map<String, AttributeValue>> items = flagKeys.isEmpty() ? scan() : batchGet();
    Map<String, FlagExposure> flags = new HashMap<>();
    Map<String, RuntimeException> unreadable = new HashMap<>();
    for (Map<String, AttributeValue> item : items) {
      String key = FlagItems.keyOf(item);
      try {
        flags.put(key, FlagItems.parse(item));
      } catch (RuntimeException e) {
        unreadable.put(key == null ? "(an item without a flagKey)" : key, e);
      }
    }
    return new FlagRead(flags, unreadable);
  }

  private List<Map<String, AttributeValue>> scan() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamoDb.get().scan(r -> r.tableName(table).exclusiveStartKey(from));
      items.addAll(page.items());
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return items;
  }

  private List<Map<String, AttributeValue>> batchGet() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int from = 0; from < flagKeys.size(); from += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (String key : flagKeys.subList(from, Math.min(flagKeys.size(), from + BATCH_GET_LIMIT))) {
        keys.add(Map.of(FlagItems.FLAG_KEY, AttributeValue.fromS(key)));
      }
      items.addAll(batchGet(Map.of(table, KeysAndAttributes.builder().keys(keys).build())));
    }
    return items;
  }

  /** One batch, retrying what DynamoDB left unprocessed a few times; a rest fails the read. */
  private List<Map<String, AttributeValue>> batchGet(Map<String, KeysAndAttributes> request) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, KeysAndAttributes> pending = request;
    for (int attempt = 0; attempt <= UNPROCESSED_RETRIES; attempt++) {
      Map<String, KeysAndAttributes> ask = pending;
      BatchGetItemResponse response = dynamoDb.get().batchGetItem(r -> r.requestItems(ask));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
        return items;
      }
      pending = response.unprocessedKeys();
    }
    throw new IllegalStateException(
        "DynamoDB left flags of table " + table + " unprocessed after retries (throttled)");
  }
}

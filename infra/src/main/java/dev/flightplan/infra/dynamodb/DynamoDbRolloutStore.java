package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.plan.AlarmBinding;
import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RolloutStore} on DynamoDB (docs/design.md §4), through the Enhanced Client with schemas
 * built in code. Tables are described in {@link Tables}; writes are in {@link RolloutWriter}. Reads
 * of one rollout, its history and idempotency records are strongly consistent; the index queries
 * ({@code due}, {@code list}) are eventually consistent, as every GSI is.
 */
public final class DynamoDbRolloutStore implements RolloutStore {
  /** Shards of the due index unless told otherwise; may be raised, never lowered. */
  public static final int DEFAULT_DUE_SHARDS = Tables.DEFAULT_DUE_SHARDS;

  private static final List<String> DUE_KEY = List.of(Attr.ID, Attr.NEXT_EVALUATION_AT);

  private final StoreTables tables;
  private final RolloutWriter writer;
  private final StateWriter stateWriter;
  private final WrittenRollouts written = new WrittenRollouts();
  private final Clock clock;
  private final int dueShards;

  /** A store whose due index has {@link #DEFAULT_DUE_SHARDS} shards. */
  public DynamoDbRolloutStore(DynamoDbClient client, Tables tables, Clock clock) {
    this(client, tables, clock, DEFAULT_DUE_SHARDS);
  }

  /**
   * A store whose due index has {@code dueShards} shards. Every store of one installation must use
   * the same number, and it may be raised but never lowered.
   */
  public DynamoDbRolloutStore(DynamoDbClient client, Tables tables, Clock clock, int dueShards) {
    this.dueShards = DueShards.requireCount(dueShards);
    DynamoDbEnhancedClient enhanced =
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    this.tables = StoreTables.of(enhanced, tables, dueShards);
    this.writer = new RolloutWriter(enhanced, this.tables);
    this.stateWriter = new StateWriter(enhanced, this.tables);
    this.clock = clock;
  }

  @Override
  public Rollout create(Rollout rollout, List<HistoryEntry> history) {
    return written.remember(writer.create(rollout, history));
  }

  @Override
  public Optional<Rollout> get(String id) {
    StoredRollout stored =
        tables.storedRollouts().getItem(r -> r.key(k -> k.partitionValue(id)).consistentRead(true));
    return switch (stored) {
      case null -> Optional.empty();
      case Rollout rollout -> Optional.of(rollout);
      case UnreadableRollout unreadable -> throw new UnreadableRolloutException(unreadable);
    };
  }

  /** From the copy this store wrote last when it is at {@code expectedVersion}; else a read. */
  @Override
  public Optional<Rollout> getForUpdate(String id, long expectedVersion) {
    Optional<Rollout> copy = written.at(id, expectedVersion);
    return copy.isPresent() ? copy : get(id);
  }

  @Override
  public UnreadableRollout updateState(
      UnreadableRollout rollout, RolloutState next, List<HistoryEntry> history) {
    written.forget(rollout.id());
    return stateWriter.updateState(rollout, next, history);
  }

  @Override
  public Rollout update(Rollout rollout, List<HistoryEntry> history) {
    try {
      return written.remember(writer.update(rollout, history));
    } catch (VersionConflictException e) {
      written.forget(rollout.id());
      throw e;
    }
  }

  @Override
  public int dueShards() {
    return dueShards;
  }

  @Override
  public Page<Rollout> due(int shard, Instant now, String pageToken, int limit) {
    String partition = String.valueOf(DueShards.requireShard(shard, dueShards));
    Key upTo =
        Key.builder().partitionValue(partition).sortValue(EpochSeconds.attribute(now)).build();
    var request =
        QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.sortLessThanOrEqualTo(upTo));
    return split(
        Pager.page(
            tables.storedRollouts().index(Tables.DUE_INDEX),
            request,
            "due:" + partition,
            pageToken,
            limit,
            r -> dueKey(r, partition)));
  }

  @Override
  public Page<Rollout> list(RolloutStatus status, String pageToken, int limit) {
    String index = status == null ? Tables.BY_CREATED_INDEX : Tables.BY_STATUS_INDEX;
    String partition = status == null ? Tables.SHARD : status.name();
    List<String> keyNames =
        List.of(Attr.ID, status == null ? Attr.LIST_SHARD : Attr.STATUS, Attr.CREATED_AT);
    var request =
        QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
            .scanIndexForward(false);
    String query = "list:" + (status == null ? "*" : status.name());
    return split(
        Pager.page(
            tables.storedRollouts().index(index),
            request,
            query,
            pageToken,
            limit,
            r -> key(r, keyNames)));
  }

  @Override
  public List<HistoryEntry> history(String id) {
    var request =
        QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(id)))
            .consistentRead(true)
            .build();
    return tables.history().query(request).items().stream().toList();
  }

  @Override
  public List<String> rolloutsBoundTo(String alarmNameOrArn) {
    String name = AlarmBinding.alarmName(alarmNameOrArn);
    return tables
        .bindings()
        .query(QueryConditional.keyEqualTo(k -> k.partitionValue(name)))
        .items()
        .stream()
        .map(b -> b.rolloutId)
        .sorted()
        .toList();
  }

  @Override
  public boolean isProcessed(String eventKey) {
    return tables.events().getItem(r -> r.key(k -> k.partitionValue(eventKey)).consistentRead(true))
        != null;
  }

  @Override
  public boolean markProcessed(String eventKey, Instant expiresAt) {
    ProcessedEventItem event = new ProcessedEventItem();
    event.eventKey = eventKey;
    // TTL reads whole seconds; round up so the record never goes before it should.
    event.expiresAt = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
    event.processedAt = clock.instant();
    try {
      tables
          .events()
          .putItem(
              PutItemEnhancedRequest.builder(ProcessedEventItem.class)
                  .item(event)
                  .conditionExpression(Conditions.notExists(Attr.EVENT_KEY))
                  .build());
      return true;
    } catch (ConditionalCheckFailedException seenBefore) {
      return false;
    }
  }

  /**
   * The page position of {@code rollout} in the shard queried: the shard as queried, since an item
   * written before the count was raised may sit in a shard its id no longer maps to.
   */
  private static Map<String, AttributeValue> dueKey(StoredRollout rollout, String shard) {
    Map<String, AttributeValue> key = new HashMap<>(key(rollout, DUE_KEY));
    key.put(Attr.DUE_SHARD, AttributeValue.fromS(shard));
    return key;
  }

  private static Map<String, AttributeValue> key(StoredRollout rollout, List<String> names) {
    return StoredRolloutSchema.READ.itemToMap(rollout, names);
  }

  /** Rollouts whose plan reads as the page's items, the others as its unreadable ones. */
  private static Page<Rollout> split(Page<StoredRollout> page) {
    List<Rollout> readable = new ArrayList<>();
    List<UnreadableRollout> unreadable = new ArrayList<>();
    for (StoredRollout stored : page.items()) {
      switch (stored) {
        case Rollout rollout -> readable.add(rollout);
        case UnreadableRollout other -> unreadable.add(other);
      }
    }
    return new Page<>(readable, page.nextToken(), unreadable);
  }
}

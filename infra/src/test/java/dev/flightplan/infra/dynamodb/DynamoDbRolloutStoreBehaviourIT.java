package dev.flightplan.infra.dynamodb;

import static dev.flightplan.core.service.TestPlans.T0;
import static dev.flightplan.infra.dynamodb.StoreFixtures.draft;
import static dev.flightplan.infra.dynamodb.StoreFixtures.entry;
import static dev.flightplan.infra.dynamodb.StoreFixtures.running;
import static dev.flightplan.infra.dynamodb.StoreFixtures.withAlarms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the contract does not pin: call counts, atomicity, long paging, bindings, evolution. */
class DynamoDbRolloutStoreBehaviourIT {
  private static final CallCounter COUNTER = new CallCounter();
  private static AwsClients clients;
  private DynamoDbClient client;
  private Tables tables;
  private DynamoDbRolloutStore store;

  @BeforeAll
  static void counting() {
    LocalAws.get();
    clients = AwsClients.withInterceptors(COUNTER);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @BeforeEach
  void freshStore() {
    client = clients.dynamoDb();
    tables = TestTables.fresh(client, "b");
    // One due shard, so the paging below is one shard's; DueShardsIT covers several.
    store = new DynamoDbRolloutStore(client, tables, Clock.systemUTC(), 1);
    COUNTER.reset();
  }

  @Test
  void aConflictCarriesTheCurrentRolloutWithoutAnotherRead() {
    Rollout v1 = store.create(draft("alpha"), List.of());
    Rollout v2 = store.update(running(v1, T0), List.of(entry("alpha", 1)));
    COUNTER.reset();

    assertThatThrownBy(() -> store.update(running(v1, T0.plusSeconds(9)), List.of()))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.current()).isEqualTo(v2));
    assertThat(COUNTER.snapshot().calls()).isEqualTo(Map.of("DynamoDb.UpdateItem", 1L));
    COUNTER.reset();

    assertThatThrownBy(() -> store.update(v1, List.of(entry("alpha", 2))))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.current()).isEqualTo(v2));
    assertThat(COUNTER.snapshot().calls()).isEqualTo(Map.of("DynamoDb.TransactWriteItems", 1L));
  }

  @Test
  void anUpdateAtTheVersionThisStoreWroteLastStartsWithoutARead() {
    Rollout v1 = store.create(draft("alpha"), List.of());
    Rollout v2 = store.update(running(v1, T0), List.of(entry("alpha", 1)));
    COUNTER.reset();

    assertThat(store.getForUpdate("alpha", 2)).contains(v2);
    assertThat(COUNTER.snapshot().calls()).isEmpty();

    assertThat(store.getForUpdate("alpha", 1)).contains(v2);
    assertThat(COUNTER.snapshot().calls()).isEqualTo(Map.of("DynamoDb.GetItem", 1L));
  }

  @Test
  void aCopyAnotherWriterMovedOnFromFailsItsWriteAsAConflictAndIsDropped() {
    Rollout v1 = store.create(draft("alpha"), List.of());
    Rollout v2 = store.update(running(v1, T0), List.of());
    DynamoDbRolloutStore other = new DynamoDbRolloutStore(client, tables, Clock.systemUTC());
    Rollout v3 = other.update(running(v2, T0.plusSeconds(5)), List.of(entry("alpha", 1)));

    Rollout stale = store.getForUpdate("alpha", 2).orElseThrow();
    assertThat(stale).isEqualTo(v2);
    assertThatThrownBy(() -> store.update(running(stale, T0.plusSeconds(9)), List.of()))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.current()).isEqualTo(v3));
    COUNTER.reset();

    assertThat(store.getForUpdate("alpha", 2)).contains(v3);
    assertThat(COUNTER.snapshot().calls()).isEqualTo(Map.of("DynamoDb.GetItem", 1L));
  }

  @Test
  void aConflictOnAMissingRolloutCarriesNull() {
    assertThatThrownBy(
            () ->
                store.update(
                    new Rollout(draft("ghost").plan(), draft("ghost").state(), 1), List.of()))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.current()).isNull());
  }

  @Test
  void stateAndHistoryAreWrittenTogetherOrNotAtAll() {
    Rollout v1 = store.create(draft("alpha"), List.of(entry("alpha", 1)));

    // seq 1 exists: the history put fails, so the state change must not land either.
    assertThatThrownBy(() -> store.update(running(v1, T0), List.of(entry("alpha", 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ConditionalCheckFailed");

    assertThat(store.get("alpha")).contains(v1);
    assertThat(store.history("alpha")).containsExactly(entry("alpha", 1));
  }

  @Test
  void duePagesOverManyPagesInTimeOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String id = String.format("r%03d", i);
      Rollout created = store.create(draft(id), List.of());
      store.update(running(created, T0.minusSeconds(1000 - i)), List.of());
      expected.add(id);
    }
    store.create(draft("not-due"), List.of());
    COUNTER.reset();

    List<Integer> sizes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<Rollout> page = store.due(0, T0, token, 100);
      sizes.add(page.items().size());
      page.items().forEach(r -> seen.add(r.id()));
      token = page.nextToken();
    } while (token != null);

    assertThat(sizes).containsExactly(100, 100, 50);
    assertThat(seen).isEqualTo(expected);
    assertThat(COUNTER.snapshot().calls()).isEqualTo(Map.of("DynamoDb.Query", 3L));
  }

  @Test
  void anEventIsProcessedOnceAndExpiresByTtl() {
    Instant expires = T0.plus(Duration.ofDays(1)).plusMillis(1);

    assertThat(store.markProcessed("alarm:event-1", expires)).isTrue();
    assertThat(store.markProcessed("alarm:event-1", expires)).isFalse();
    assertThat(store.isProcessed("alarm:event-1")).isTrue();
    assertThat(store.isProcessed("alarm:event-2")).isFalse();

    var item =
        client
            .getItem(
                r ->
                    r.tableName(tables.events())
                        .key(Map.of("eventKey", AttributeValue.fromS("alarm:event-1"))))
            .item();
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(expires.getEpochSecond() + 1));
    assertThat(
            client
                .describeTimeToLive(r -> r.tableName(tables.events()))
                .timeToLiveDescription()
                .attributeName())
        .isEqualTo("expiresAt");
  }

  @Test
  void bindingsFollowThePlansAlarmsWithoutAnyRead() {
    Rollout v1 =
        store.create(
            withAlarms(draft("alpha"), "a", "arn:aws:cloudwatch:eu-west-1:1:alarm:b"), List.of());
    assertThat(store.rolloutsBoundTo("b")).containsExactly("alpha");
    COUNTER.reset();

    Rollout v2 = store.update(withAlarms(v1, "b", "c"), List.of());

    // The first try assumed unchanged bindings; its failure returned the stored ones.
    assertThat(COUNTER.snapshot().calls())
        .isEqualTo(Map.of("DynamoDb.TransactWriteItems", 1L, "DynamoDb.UpdateItem", 1L));
    assertThat(store.rolloutsBoundTo("a")).isEmpty();
    assertThat(store.rolloutsBoundTo("arn:aws:cloudwatch:us-east-1:2:alarm:b"))
        .containsExactly("alpha");
    assertThat(store.rolloutsBoundTo("c")).containsExactly("alpha");
    COUNTER.reset();

    store.update(running(v2, T0), List.of());
    assertThat(COUNTER.snapshot().calls()).isEqualTo(Map.of("DynamoDb.UpdateItem", 1L));
    store.update(withAlarms(store.get("alpha").orElseThrow()), List.of());
    assertThat(store.rolloutsBoundTo("b")).isEmpty();
    assertThat(store.rolloutsBoundTo("c")).isEmpty();
  }

  @Test
  void anUpdateKeepsAttributesOfANewerVersionAndDropsClearedOnes() {
    Rollout v1 = store.create(draft("alpha"), List.of());
    Rollout v2 = store.update(running(v1, T0), List.of());
    client.updateItem(
        r ->
            r.tableName(tables.rollouts())
                .key(Map.of("id", AttributeValue.fromS("alpha")))
                .updateExpression("SET futureField = :f")
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromS("kept"))));

    store.update(running(v2, null), List.of());

    var item =
        client
            .getItem(
                r ->
                    r.tableName(tables.rollouts()).key(Map.of("id", AttributeValue.fromS("alpha"))))
            .item();
    assertThat(item.get("futureField").s()).isEqualTo("kept");
    assertThat(item).doesNotContainKeys("nextEvaluationAt", "dueShard");
    assertThat(store.due(0, T0.plusSeconds(3600), null, 10).items()).isEmpty();
  }

  @Test
  void aLongHistoryComesBackWholeAndOldestFirst() {
    Rollout r = store.create(draft("alpha"), List.of());
    List<HistoryEntry> all = new ArrayList<>();
    for (int batch = 0; batch < 5; batch++) {
      List<HistoryEntry> entries = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        entries.add(entry("alpha", batch * 20L + i));
      }
      r = store.update(r, entries);
      all.addAll(entries);
    }

    assertThat(store.history("alpha")).isEqualTo(all);
  }
}

package dev.flightplan.infra.dynamodb;

import static dev.flightplan.core.service.TestPlans.T0;
import static dev.flightplan.infra.dynamodb.StoreFixtures.draft;
import static dev.flightplan.infra.dynamodb.StoreFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Raising the number of due shards: items written with fewer shards stay in the shard they were
 * written to and are read there, once, until their next write moves them to their own shard.
 */
class DueShardsIT {
  private final DynamoDbClient client = LocalAws.get().clients().dynamoDb();
  private final Tables tables = TestTables.fresh(client, "shards");
  private final DynamoDbRolloutStore before =
      new DynamoDbRolloutStore(client, tables, Clock.systemUTC(), 1);
  private final DynamoDbRolloutStore after =
      new DynamoDbRolloutStore(client, tables, Clock.systemUTC(), 16);

  @Test
  void itemsOfTheSingleShardAreReadOnceFromShardZeroAndMoveOnTheirNextWrite() {
    List<String> ids = IntStream.range(0, 12).mapToObj(i -> "r" + i).toList();
    for (String id : ids) {
      before.create(running(draft(id), T0.minusSeconds(60)), List.of());
    }
    assertThat(ids).anyMatch(id -> DueShards.of(id, 16) != 0);

    assertThat(dueInEveryShard()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(dueIn(0)).containsExactlyInAnyOrderElementsOf(ids);

    String moved = ids.stream().filter(id -> DueShards.of(id, 16) != 0).findFirst().orElseThrow();
    after.update(after.get(moved).orElseThrow(), List.of());

    assertThat(dueInEveryShard()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(dueIn(DueShards.of(moved, 16))).contains(moved);
    assertThat(dueIn(0)).doesNotContain(moved);
    assertThat(storedShard(moved)).isEqualTo(String.valueOf(DueShards.of(moved, 16)));
  }

  private List<String> dueInEveryShard() {
    List<String> seen = new ArrayList<>();
    for (int shard = 0; shard < after.dueShards(); shard++) {
      seen.addAll(dueIn(shard));
    }
    return seen;
  }

  /** Pages of one, so each page token is a position in the shard queried. */
  private List<String> dueIn(int shard) {
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<Rollout> page = after.due(shard, T0, token, 1);
      page.items().forEach(r -> seen.add(r.id()));
      token = page.nextToken();
    } while (token != null);
    return seen;
  }

  private String storedShard(String id) {
    return client
        .getItem(r -> r.tableName(tables.rollouts()).key(Map.of("id", AttributeValue.fromS(id))))
        .item()
        .get("dueShard")
        .s();
  }
}

package dev.flightplan.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DueShardsTest {

  /** The scale test's ids: a shared prefix and a counter, the shape generated ids have. */
  @Test
  void sequentialIdsSpreadEvenlyOverTheShards() {
    int shards = 64;
    int[] perShard = new int[shards];
    IntStream.range(0, 100_000)
        .mapToObj(i -> "scale-%06d".formatted(i))
        .forEach(id -> perShard[DueShards.of(id, shards)]++);
    int expected = 100_000 / shards;
    assertThat(IntStream.of(perShard).min().orElseThrow()).isGreaterThan(expected * 9 / 10);
    assertThat(IntStream.of(perShard).max().orElseThrow()).isLessThan(expected * 11 / 10);
  }

  @Test
  void theShardOfAnIdNeverChanges() {
    assertThat(DueShards.of("new-search-algorithm", 16))
        .isEqualTo(DueShards.of("new-search-algorithm", 16))
        .isBetween(0, 15);
    assertThat(DueShards.of("anything", 1)).isZero();
  }

  @Test
  void aCountBelowOneOrAShardOutsideTheCountIsRefused() {
    assertThatThrownBy(() -> DueShards.of("a", 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> DueShards.requireShard(16, 16)).hasMessageContaining("outside 0..15");
  }
}

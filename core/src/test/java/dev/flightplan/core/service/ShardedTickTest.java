package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.state.DueShards;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A tick over a due index of several shards: all at once, or one shard per call. */
class ShardedTickTest {
  private static final int SHARDS = 4;

  private final TestClock clock = new TestClock(TestPlans.T0);
  private final InMemoryRolloutStore store = new InMemoryRolloutStore(SHARDS);
  private final InMemoryMetricsSource metrics = new InMemoryMetricsSource();
  private final InMemoryActuator actuator = new InMemoryActuator();
  private final TopicRecordingNotifier notifier = new TopicRecordingNotifier();
  private final RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
  private final Tick tick = new Tick(store, metrics, actuator, notifier, clock, 3);
  private final List<String> ids = IntStream.range(0, 20).mapToObj(i -> "r" + i).toList();

  @Test
  void runEvaluatesEveryDueRolloutOfEveryShardOnce() {
    ids.forEach(this::start);
    clock.advance(Duration.ofMinutes(1));

    TickReport report = tick.run(clock.instant());

    assertThat(report.evaluated()).isEqualTo(ids.size());
    assertThat(metrics.batches()).hasSize(1);
    assertThat(metrics.batches().get(0)).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void runShardEvaluatesOnlyThatShardAndOnceAMinute() {
    ids.forEach(this::start);
    clock.advance(Duration.ofMinutes(1));
    Instant scheduled = clock.instant();
    List<String> evaluated = new ArrayList<>();

    for (int shard = 0; shard < SHARDS; shard++) {
      TickReport report = tick.runShard(scheduled, shard);
      List<String> batch = metrics.batches().get(shard);
      int expectedShard = shard;
      assertThat(batch).allMatch(id -> DueShards.of(id, SHARDS) == expectedShard);
      assertThat(report.evaluated()).isEqualTo(batch.size());
      evaluated.addAll(batch);
      assertThat(tick.runShard(scheduled.plusSeconds(30), shard).duplicate()).isTrue();
    }

    assertThat(evaluated).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(metrics.batches()).hasSize(SHARDS);
    assertThatThrownBy(() -> tick.runShard(scheduled, SHARDS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runShardSendsNoDigestsAndSendDigestsSendsThemOnce() {
    start("alpha", new Notify("search", Notify.Digest.DAILY));
    start("beta", new Notify("search", Notify.Digest.DAILY));
    clock.set(Instant.parse("2025-03-04T00:00:10Z"));
    for (int shard = 0; shard < SHARDS; shard++) {
      tick.runShard(clock.instant(), shard);
    }
    assertThat(notifier.sentTo("search", NotificationEvents.DIGEST)).isEmpty();

    assertThat(tick.sendDigests()).isEqualTo(1);
    assertThat(tick.sendDigests()).isZero();

    assertThat(notifier.sentTo("search", NotificationEvents.DIGEST))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("alpha:", "beta:"));
  }

  @Test
  void sendDigestsReadsTheActiveRolloutsOnlyWhenADigestPeriodEnded() {
    CountingStore counting = new CountingStore(store);
    Tick countingTick = new Tick(counting, metrics, actuator, notifier, clock, 3);
    start("alpha", new Notify("search", Notify.Digest.HOURLY));
    clock.set(Instant.parse("2025-03-04T10:00:10Z"));

    assertThat(countingTick.sendDigests()).isEqualTo(1);
    int readsForThePeriod = counting.lists;
    assertThat(readsForThePeriod).isPositive();
    for (int minute = 1; minute < 60; minute++) {
      clock.set(Instant.parse("2025-03-04T10:00:10Z").plus(Duration.ofMinutes(minute)));
      assertThat(countingTick.sendDigests()).isZero();
    }
    assertThat(counting.lists).isEqualTo(readsForThePeriod);

    clock.set(Instant.parse("2025-03-04T11:00:10Z"));
    assertThat(countingTick.sendDigests()).isEqualTo(1);
    assertThat(counting.lists).isGreaterThan(readsForThePeriod);
  }

  @Test
  void aDigestOfManyRolloutsStaysWithinSnsLimitsAndReadsOnlyTheHistoryItLists() {
    CountingStore counting = new CountingStore(store);
    Tick countingTick = new Tick(counting, metrics, actuator, notifier, clock, 100);
    List<String> many = IntStream.range(0, 1_000).mapToObj(i -> "many-%04d".formatted(i)).toList();
    many.forEach(id -> start(id, new Notify("search", Notify.Digest.DAILY)));
    clock.set(Instant.parse("2025-03-04T00:00:10Z"));

    assertThat(countingTick.sendDigests()).isEqualTo(1);

    String message = notifier.sentTo("search", NotificationEvents.DIGEST).get(0).message();
    assertThat(message.length()).isLessThan(40 * 1024);
    assertThat(message).contains("1000 active rollouts", "many-0000:", "more, not listed");
    assertThat(message).doesNotContain("many-0999:");
    assertThat(counting.histories).isLessThan(many.size() / 2);
  }

  /** Counts the reads a digest pass makes. */
  private static final class CountingStore extends DelegatingStore {
    int lists;
    int histories;

    CountingStore(InMemoryRolloutStore delegate) {
      super(delegate);
    }

    @Override
    public dev.flightplan.core.port.Page<dev.flightplan.core.state.Rollout> list(
        dev.flightplan.core.state.RolloutStatus status, String pageToken, int limit) {
      lists++;
      return super.list(status, pageToken, limit);
    }

    @Override
    public List<dev.flightplan.core.state.HistoryEntry> history(String id) {
      histories++;
      return super.history(id);
    }
  }

  private void start(String id) {
    start(id, Notify.DEFAULT);
  }

  private void start(String id, Notify notify) {
    commands.create(DigestPlans.slow(id, notify), World.ALICE);
    metrics.set(id, TestPlans.ERROR_RATE, TestPlans.healthy());
    commands.start(id, World.ALICE);
  }
}

package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A tick reads shards and handles rollouts several at once, within its bounds. */
class ConcurrentTickTest {
  private static final int SHARDS = 8;
  private static final TickConcurrency BOUNDS = new TickConcurrency(4, 6);

  private final TestClock clock = new TestClock(TestPlans.T0);
  private final InMemoryMetricsSource metrics = new InMemoryMetricsSource();
  private final InMemoryActuator actuator = new InMemoryActuator();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final Together store = new Together(new InMemoryRolloutStore(SHARDS));
  private final List<String> ids = IntStream.range(0, 40).mapToObj(i -> "r" + i).toList();

  @Test
  void shardsAreReadAndRolloutsWrittenSeveralAtOnceEachRolloutOnce() {
    RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
    for (String id : ids) {
      commands.create(TestPlans.plan(id), World.ALICE);
      metrics.set(id, TestPlans.ERROR_RATE, TestPlans.errorRate(9)); // every one rolls back
      commands.start(id, World.ALICE);
    }
    clock.advance(Duration.ofMinutes(1));
    store.watching = true;

    Tick tick = new Tick(store, metrics, actuator, notifier, clock, 2, BOUNDS);
    TickReport report = tick.run(clock.instant());

    assertThat(report.rolledBack()).isEqualTo(ids.size());
    assertThat(store.readers.most.get()).isEqualTo(BOUNDS.shardReaders());
    assertThat(store.writers.most.get()).isEqualTo(BOUNDS.rolloutWorkers());
    assertThat(store.rollbackWrites).containsOnlyKeys(ids);
    assertThat(store.rollbackWrites.values()).allMatch(count -> count.get() == 1);
  }

  /** Counts reads and writes in flight; the first of each wait until the bound is reached. */
  private static final class Together extends DelegatingStore {
    final InFlight readers = new InFlight(BOUNDS.shardReaders());
    final InFlight writers = new InFlight(BOUNDS.rolloutWorkers());
    final Map<String, AtomicInteger> rollbackWrites = new ConcurrentHashMap<>();
    volatile boolean watching;

    Together(InMemoryRolloutStore delegate) {
      super(delegate);
    }

    @Override
    public Page<Rollout> due(int shard, Instant now, String pageToken, int limit) {
      return watching
          ? readers.during(() -> super.due(shard, now, pageToken, limit))
          : super.due(shard, now, pageToken, limit);
    }

    @Override
    public Rollout update(Rollout rollout, List<HistoryEntry> history) {
      if (!watching || history.isEmpty()) {
        return super.update(rollout, history);
      }
      rollbackWrites.computeIfAbsent(rollout.id(), k -> new AtomicInteger()).incrementAndGet();
      return writers.during(() -> super.update(rollout, history));
    }
  }

  private static final class InFlight {
    private final CountDownLatch together;
    private final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();

    InFlight(int bound) {
      this.together = new CountDownLatch(bound);
    }

    <T> T during(java.util.function.Supplier<T> call) {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      together.countDown();
      try {
        assertThat(together.await(10, TimeUnit.SECONDS)).isTrue();
        return call.get();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }
}

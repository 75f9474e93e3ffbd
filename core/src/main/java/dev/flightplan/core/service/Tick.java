package dev.flightplan.core.service;

import dev.flightplan.core.change.Change;
import dev.flightplan.core.change.DecisionChanges;
import dev.flightplan.core.change.UnreadableChanges;
import dev.flightplan.core.concurrent.BoundedParallel;
import dev.flightplan.core.decide.Decider;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.UnreadableRollout;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The controller's scheduled run (docs/design.md §1.3, §4.3, §4.7): every due rollout of every due
 * shard (or of one, {@link #runShard}), the shards read in parallel a page at a time, with one
 * metrics batch for all of them (so the source can pack queries into as few calls as its limits
 * allow); then per rollout decide, write, actuate, notify, several rollouts at once, each by one
 * thread ({@link TickConcurrency}). One rollout failing never stops the others, and a minute
 * handled once is not handled again.
 */
public final class Tick {
  public static final int DEFAULT_PAGE_SIZE = 100;
  private static final System.Logger LOG = System.getLogger(Tick.class.getName());
  private static final Duration KEEP_TICK_KEYS = Duration.ofDays(1);

  private final RolloutStore store;
  private final MetricsSource metrics;
  private final ConditionalWriter writer;
  private final PendingWork pending;
  private final UnreadableWork unreadable;
  private final Digests digests;
  private final Clock clock;
  private final int pageSize;
  private final TickConcurrency concurrency;

  public Tick(
      RolloutStore store,
      MetricsSource metrics,
      Actuator actuator,
      Notifier notifier,
      Clock clock,
      int pageSize,
      TickConcurrency concurrency) {
    this.store = store;
    this.metrics = metrics;
    this.writer = new ConditionalWriter(store, clock);
    this.pending = new PendingWork(store, actuator, notifier, clock);
    this.unreadable = new UnreadableWork(store, actuator, notifier, clock);
    this.digests = new Digests(store, notifier);
    this.clock = clock;
    this.pageSize = pageSize;
    this.concurrency = concurrency;
  }

  public Tick(
      RolloutStore store,
      MetricsSource metrics,
      Actuator actuator,
      Notifier notifier,
      Clock clock,
      int pageSize) {
    this(store, metrics, actuator, notifier, clock, pageSize, TickConcurrency.DEFAULT);
  }

  public Tick(
      RolloutStore store,
      MetricsSource metrics,
      Actuator actuator,
      Notifier notifier,
      Clock clock) {
    this(store, metrics, actuator, notifier, clock, DEFAULT_PAGE_SIZE);
  }

  /** Runs for the current minute. */
  public TickReport run() {
    return run(clock.instant());
  }

  /**
   * Runs every due shard for the minute the schedule fired at, then sends the digests due; a second
   * run for the same minute does nothing.
   */
  public TickReport run(Instant scheduledAt) {
    Instant minute = scheduledAt.truncatedTo(ChronoUnit.MINUTES);
    List<Integer> shards = IntStream.range(0, store.dueShards()).boxed().toList();
    return once("tick:" + minute, minute, shards, true);
  }

  /**
   * Runs one due shard for the minute the schedule fired at; a second run of the same shard and
   * minute does nothing. Sends no digests: they need every rollout of a topic, see {@link
   * #sendDigests()}.
   *
   * @throws IllegalArgumentException when {@code shard} is not one of the store's due shards
   */
  public TickReport runShard(Instant scheduledAt, int shard) {
    DueShards.requireShard(shard, store.dueShards());
    Instant minute = scheduledAt.truncatedTo(ChronoUnit.MINUTES);
    return once("tick:" + minute + ":" + shard, minute, List.of(shard), false);
  }

  /**
   * Sends the digests due now, from the active rollouts of every shard (read by status, not from
   * the due index, so it works before, during or after the shards' runs). For callers that run the
   * shards with {@link #runShard}; {@link #run} sends them itself. Safe to call more than once: a
   * digest is recorded as sent per topic and period, and the active rollouts are read only when a
   * digest period ended since this process's last complete pass. Returns how many went out.
   */
  public int sendDigests() {
    return digests.sendDueOncePerPeriod(
        () -> ActiveRollouts.read(store, pageSize), clock.instant());
  }

  public int dueShards() {
    return store.dueShards();
  }

  private TickReport once(String key, Instant minute, List<Integer> shards, boolean withDigests) {
    Instant started = clock.instant();
    if (!store.markProcessed(key, minute.plus(KEEP_TICK_KEYS))) {
      return TickReport.duplicate(minute);
    }
    TickCounts counts = new TickCounts();
    Instant now = clock.instant();
    DueRollouts due = DueRollouts.read(store, shards, now, pageSize, concurrency.shardReaders());
    runAll(due.readable(), now, counts);
    due.unreadable().forEach(r -> quarantine(r, now, counts));
    if (withDigests) {
      digests.sendDue(due.readable(), now);
    }
    return counts.report(minute, Duration.between(started, clock.instant()));
  }

  /**
   * A rollout whose plan cannot be read is never decided on: it is reported, quarantined once (a
   * notification, out of the due index), and only its pending work is done.
   */
  private void quarantine(UnreadableRollout rollout, Instant now, TickCounts counts) {
    LOG.log(
        Level.ERROR,
        rollout.id() + ": skipped, the stored plan cannot be read: " + rollout.problem());
    counts.quarantined();
    try {
      if (unreadable.change(rollout, r -> UnreadableChanges.quarantine(r, now)).isEmpty()) {
        unreadable.settle(rollout, null);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, rollout.id() + ": not quarantined in this tick", e);
      counts.failed();
    }
  }

  private void runAll(List<Rollout> due, Instant now, TickCounts counts) {
    List<Rollout> active = due.stream().filter(r -> r.state().status().isActive()).toList();
    Map<String, Observations> observed = observe(active, now);
    BoundedParallel.map(
        due,
        concurrency.rolloutWorkers(),
        rollout -> {
          try {
            step(rollout, observed, now, counts);
          } catch (RuntimeException e) {
            LOG.log(Level.ERROR, rollout.id() + ": not handled in this tick", e);
            counts.failed();
          }
          return rollout;
        });
  }

  private void step(
      Rollout rollout, Map<String, Observations> observed, Instant now, TickCounts counts) {
    Observations observations = observed.getOrDefault(rollout.id(), Observations.none(now));
    ConditionalWriter.Outcome outcome = writer.write(rollout, r -> decide(r, observations, now));
    if (rollout.state().status().isActive()) {
      counts.evaluated(outcome.change());
    }
    pending.settle(outcome.rollout(), outcome.leaseOwner());
  }

  private static Optional<Change> decide(Rollout rollout, Observations observations, Instant now) {
    if (!rollout.state().status().isActive()) {
      return Optional.empty();
    }
    var evaluation = Decider.evaluate(rollout.plan(), rollout.state(), observations, now);
    return DecisionChanges.apply(rollout, evaluation, now);
  }

  /**
   * One batch for the tick. An outage reads as an error on every metric: it holds, never passes.
   */
  private Map<String, Observations> observe(List<Rollout> active, Instant now) {
    if (active.isEmpty()) {
      return Map.of();
    }
    try {
      return metrics.observe(active, now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "metrics could not be read for " + active.size() + " rollouts", e);
      Map<String, Observations> failed = new HashMap<>();
      for (Rollout rollout : active) {
        Map<String, MetricReading> readings = new HashMap<>();
        rollout
            .plan()
            .metrics()
            .keySet()
            .forEach(
                m ->
                    readings.put(
                        m, new MetricReading.Failed("metrics source failed: " + e.getMessage())));
        failed.put(rollout.id(), new Observations(now, readings));
      }
      return failed;
    }
  }
}

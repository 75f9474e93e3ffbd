package dev.flightplan.client;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the snapshot fresh on one daemon thread: reads, swaps the snapshot in, tells the listener,
 * and schedules the next read after the poll interval ± 10 %. A failed read (throttled, timed out,
 * table missing) keeps the last good snapshot and the schedule; only {@link #stop} ends it.
 */
final class SnapshotPoller {
  private static final System.Logger LOG = System.getLogger(SnapshotPoller.class.getName());
  private static final double JITTER = 0.10;

  private final FlagSnapshotSource source;
  private final Duration interval;
  private final Duration staleAfter;
  private final Clock clock;
  private final Listeners listener;
  private volatile FlagSnapshot current;
  private volatile boolean lastReadFailed;
  private FlagClientStatus announced = FlagClientStatus.NOT_READY; // on the poll thread only
  private final Object schedulerLock = new Object();
  private ScheduledExecutorService scheduler; // guarded by schedulerLock

  SnapshotPoller(
      FlagSnapshotSource source,
      Duration interval,
      Duration staleAfter,
      Clock clock,
      Listeners listener) {
    this.source = source;
    this.interval = interval;
    this.staleAfter = staleAfter;
    this.clock = clock;
    this.listener = listener;
  }

  Listeners listeners() {
    return listener;
  }

  FlagSnapshot current() {
    return current;
  }

  /** Serves {@code snapshot} until a read replaces it (the bootstrap file). */
  synchronized void seed(FlagSnapshot snapshot) {
    current = snapshot;
    announce();
  }

  boolean isStale(FlagSnapshot snapshot) {
    return clock.millis() - snapshot.fetchedAt().toEpochMilli() > staleAfter.toMillis();
  }

  FlagClientStatus status() {
    FlagSnapshot snapshot = current;
    if (snapshot == null) {
      return lastReadFailed ? FlagClientStatus.ERROR : FlagClientStatus.NOT_READY;
    }
    return isStale(snapshot) ? FlagClientStatus.STALE : FlagClientStatus.READY;
  }

  /** Starts the thread with a read at once; the future completes when that read is done. */
  Future<?> start() {
    synchronized (schedulerLock) {
      if (scheduler != null) {
        return CompletableFuture.completedFuture(null);
      }
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(1, SnapshotPoller::thread);
      executor.setRemoveOnCancelPolicy(true);
      scheduler = executor;
      return executor.submit(this::pollAndReschedule);
    }
  }

  /** Ends the thread and waits for it; the snapshot stays and is still served. */
  void stop() {
    ScheduledExecutorService stopping;
    synchronized (schedulerLock) {
      stopping = scheduler;
      scheduler = null;
    }
    if (stopping == null) {
      return;
    }
    stopping.shutdownNow();
    try {
      if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "the flag refresh thread did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pollAndReschedule() {
    try {
      poll();
    } finally {
      scheduleNext();
    }
  }

  void poll() {
    FlagSnapshot before = current;
    FlagRead read;
    try {
      read = source.read();
    } catch (RuntimeException e) {
      lastReadFailed = true;
      listener.error(e);
      announce();
      return;
    }
    FlagSnapshot after = FlagSnapshot.after(before, read, clock.instant());
    current = after;
    lastReadFailed = false;
    if (!read.unreadable().isEmpty()) {
      listener.error(unreadable(read));
    }
    announce();
    Set<String> changed = before == null ? Set.of() : after.changedSince(before);
    if (!changed.isEmpty()) {
      listener.changed(changed);
    }
  }

  /** Tells the listener when the status moved to READY or STALE. */
  private synchronized void announce() {
    FlagClientStatus now = status();
    if (now == announced) {
      return;
    }
    announced = now;
    if (now == FlagClientStatus.READY) {
      listener.ready();
    } else if (now == FlagClientStatus.STALE) {
      listener.stale();
    }
  }

  private void scheduleNext() {
    double factor = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    long delay = Math.max(1, (long) (interval.toMillis() * factor));
    synchronized (schedulerLock) {
      if (scheduler == null) {
        return; // stopped
      }
      try {
        scheduler.schedule(this::pollAndReschedule, delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // Stopping: no next read.
      }
    }
  }

  private static IllegalStateException unreadable(FlagRead read) {
    IllegalStateException e =
        new IllegalStateException(
            "flag items not readable, their last good values stay: "
                + new java.util.TreeSet<>(read.unreadable().keySet()));
    read.unreadable().values().forEach(e::addSuppressed);
    return e;
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "flightplan-flags-refresh");
    thread.setDaemon(true);
    return thread;
  }
}

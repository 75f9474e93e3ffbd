package dev.flightplan.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Flushes at every multiple of the interval on the clock (every whole minute for one minute), on
 * one daemon thread. A flush at boundary B is stamped B minus one millisecond, so CloudWatch files
 * the requests of the interval that just ended under that interval's minute.
 */
final class FlushTimer {
  private final long intervalMillis;
  private final Clock clock;
  private final LongConsumer flushAt;
  private final ScheduledExecutorService executor;

  FlushTimer(Duration interval, Clock clock, LongConsumer flushAt) {
    this.intervalMillis = interval.toMillis();
    this.clock = clock;
    this.flushAt = flushAt;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "flightplan-variant-metrics");
              thread.setDaemon(true);
              return thread;
            });
    scheduleAfter(clock.millis());
  }

  private void scheduleAfter(long now) {
    long boundary = Math.floorDiv(now, intervalMillis) * intervalMillis + intervalMillis;
    try {
      executor.schedule(() -> run(boundary), boundary - now, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // Closed while flushing: nothing more to schedule.
    }
  }

  private void run(long boundary) {
    try {
      flushAt.accept(boundary - 1);
    } catch (RuntimeException e) {
      // The next interval tries again; the recorded counts wait for it.
    } finally {
      scheduleAfter(Math.max(clock.millis(), boundary));
    }
  }

  void stop() {
    executor.shutdownNow();
  }
}

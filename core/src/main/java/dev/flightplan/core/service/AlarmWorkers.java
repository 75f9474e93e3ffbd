package dev.flightplan.core.service;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of alarm rollbacks, shared by the process: one pool for the bound rollouts' steps,
 * and one for their notifications, which go out while the rollout's own thread applies its
 * exposure. A notification never waits for another task, so a rollout step waiting for its
 * notification can never starve the pool it waits on. Bounded: an alarm binds a few rollouts, and
 * each pool stays within the HTTP client's idle connections kept per host (five by default), so
 * warm calls reuse their connections. Threads are made on demand and end after a minute idle.
 */
record AlarmWorkers(Executor rollouts, Executor notices) {
  /** Bound rollouts worked on at once; more wait their turn. */
  static final int ROLLOUTS_AT_ONCE = 4;

  static final AlarmWorkers SHARED =
      new AlarmWorkers(
          pool("flightplan-alarm-rollout-", ROLLOUTS_AT_ONCE),
          pool("flightplan-alarm-notice-", ROLLOUTS_AT_ONCE));

  private static Executor pool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, name + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}

package dev.flightplan.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one function over many items with at most a given number in flight, for I/O that waits on
 * the network (a tick's due pages, metric calls and writes). Platform threads, started per call and
 * gone after it, so nothing lingers in a frozen Lambda sandbox; a handful of threads costs well
 * under a millisecond next to the calls they wait on.
 */
public final class BoundedParallel {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private BoundedParallel() {}

  /**
   * {@code function} of every item, in the items' order, with at most {@code parallelism} running
   * at once; in the caller's thread when that is 1 or there is one item. Every item runs even when
   * another fails; then the first failure in item order is thrown.
   */
  public static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> function) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (parallelism == 1 || items.size() <= 1) {
      return items.stream().map(function).toList();
    }
    int threads = Math.min(parallelism, items.size());
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, daemons())) {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> function.apply(item)));
      }
      return results(futures);
    }
  }

  private static <R> List<R> results(List<Future<R>> futures) {
    List<R> results = new ArrayList<>(futures.size());
    RuntimeException failure = null;
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        failure = failure != null ? failure : unchecked(e.getCause());
        results.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new IllegalStateException("interrupted while waiting for parallel work", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(cause.getMessage(), cause);
  }

  private static ThreadFactory daemons() {
    String prefix = "bounded-" + POOLS.incrementAndGet() + "-";
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

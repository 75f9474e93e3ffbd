package dev.flightplan.client;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** Bytes allocated by the calling thread, as the JVM counts them (no sampling, no agent). */
public final class ThreadAllocations {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ThreadAllocations() {}

  /**
   * The fewest bytes any of {@code rounds} runs of {@code round} allocated on this thread. A path
   * that allocates per call shows in every round; one that does not shows zero in most, while the
   * JIT's transitions (a compilation landing, a deoptimization) now and then charge a round a few
   * hundred bytes of its own.
   */
  public static long leastPerRound(int rounds, Runnable round) {
    long thread = Thread.currentThread().threadId();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < rounds && least > 0; i++) {
      long before = THREADS.getThreadAllocatedBytes(thread);
      round.run();
      least = Math.min(least, THREADS.getThreadAllocatedBytes(thread) - before);
    }
    return least;
  }
}

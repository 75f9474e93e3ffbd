package dev.flightplan.client;

import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A flags table in memory that a test can make fail, hang, or hold unreadable items. */
final class FakeSource implements FlagSnapshotSource {
  private final Map<String, FlagExposure> flags = new LinkedHashMap<>();
  private final Map<String, RuntimeException> unreadable = new HashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private volatile RuntimeException failure;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  static FlagExposure flag(String key, int basisPoints) {
    return new FlagExposure(
        key, "r1", "r1", new Exposure(basisPoints, Set.of()), Map.of(), Instant.EPOCH);
  }

  synchronized FakeSource put(FlagExposure flag) {
    flags.put(flag.flagKey(), flag);
    unreadable.remove(flag.flagKey());
    return this;
  }

  synchronized void remove(String key) {
    flags.remove(key);
  }

  synchronized void unreadable(String key) {
    flags.remove(key);
    unreadable.put(key, new IllegalArgumentException("unknown audience match: regex"));
  }

  void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  void recover() {
    this.failure = null;
  }

  /** Reads block until {@link #release}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  int reads() {
    return reads.get();
  }

  @Override
  public FlagRead read() {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    reads.incrementAndGet();
    RuntimeException failing = failure;
    if (failing != null) {
      throw failing;
    }
    synchronized (this) {
      return new FlagRead(flags, unreadable);
    }
  }
}

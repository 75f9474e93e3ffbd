package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.plan.Plan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Plans already read from stored JSON, so a warm process does not parse and validate an unchanged
 * plan on every tick. Keyed by the exact JSON: two different plans never share an entry, and a
 * replaced plan (new revision) is simply a new key. Bounded by a count of plans and by their total
 * JSON length (a plan holds about three times its JSON in memory).
 *
 * <p>When full, the least recently read plan makes room only once it has not been read for {@code
 * idle}. A tick reads every due rollout in the same order, so with more rollouts than room, plain
 * LRU would evict each plan just before it is read again: nothing would hit, and every read would
 * churn the heap. Here the plans in the cache stay and keep hitting; the others are parsed as
 * before, and plans no longer read (finished rollouts, replaced plans) leave after {@code idle}.
 *
 * <p>Plans are immutable, so one instance serves every read. Thread-safe; a miss parses outside the
 * lock, so two threads may both parse the same new plan once.
 */
final class PlanCache {
  private final int maxPlans;
  private final long maxChars;
  private final long idleNanos;
  private final LongSupplier nanoTime;
  private final Function<String, Plan> read;
  private final LinkedHashMap<String, Cached> plans = new LinkedHashMap<>(16, 0.75f, true);
  private long chars;

  PlanCache(
      int maxPlans,
      long maxChars,
      Duration idle,
      LongSupplier nanoTime,
      Function<String, Plan> read) {
    this.maxPlans = maxPlans;
    this.maxChars = maxChars;
    this.idleNanos = idle.toNanos();
    this.nanoTime = nanoTime;
    this.read = read;
  }

  /** The plan of {@code json}, parsed once while it stays cached; a plan that fails is not kept. */
  Plan read(String json) {
    synchronized (this) {
      Cached known = plans.get(json);
      if (known != null) {
        known.lastRead = nanoTime.getAsLong();
        return known.plan;
      }
    }
    Plan plan = read.apply(json);
    keep(json, plan);
    return plan;
  }

  synchronized int size() {
    return plans.size();
  }

  private synchronized void keep(String json, Plan plan) {
    if (json.length() > maxChars || plans.containsKey(json)) {
      return;
    }
    long now = nanoTime.getAsLong();
    var eldest = plans.entrySet().iterator();
    while (!roomFor(json) && eldest.hasNext()) {
      Map.Entry<String, Cached> lru = eldest.next();
      if (now - lru.getValue().lastRead < idleNanos) {
        return; // everything cached is in use: leave it be
      }
      chars -= lru.getKey().length();
      eldest.remove();
    }
    if (roomFor(json)) {
      plans.put(json, new Cached(plan, now));
      chars += json.length();
    }
  }

  private boolean roomFor(String json) {
    return plans.size() < maxPlans && chars + json.length() <= maxChars;
  }

  private static final class Cached {
    final Plan plan;
    long lastRead;

    Cached(Plan plan, long lastRead) {
      this.plan = plan;
      this.lastRead = lastRead;
    }
  }
}

package dev.flightplan.bench.scale;

import dev.flightplan.bench.scale.ShardWorkers.ShardRun;
import dev.flightplan.core.service.ShardWorker;
import dev.flightplan.core.state.DueShards;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the scale test saw, checked and summed up, printed and written as report lines. */
final class ScaleFigures {
  private static final int[] SIZES = {10_000, 100_000, 1_000_000};

  private final ScaleOptions options;
  private final List<String> ids;
  private final Map<String, Integer> afterTick;
  private final Map<String, Integer> afterRedelivery;
  private final List<ShardRun> runs;
  private final List<ShardRun> redelivered;
  private final long dispatchNanos;
  private final long tickNanos;
  private final int deadLetters;

  ScaleFigures(
      ScaleOptions options,
      List<String> ids,
      Map<String, Integer> afterTick,
      Map<String, Integer> afterRedelivery,
      List<ShardRun> runs,
      List<ShardRun> redelivered,
      long dispatchNanos,
      long tickNanos,
      int deadLetters) {
    this.options = options;
    this.ids = ids;
    this.afterTick = afterTick;
    this.afterRedelivery = afterRedelivery;
    this.runs = runs;
    this.redelivered = redelivered;
    this.dispatchNanos = dispatchNanos;
    this.tickNanos = tickNanos;
    this.deadLetters = deadLetters;
  }

  long twice() {
    return afterTick.values().stream().filter(c -> c > 1).count();
  }

  long skipped() {
    return ids.stream().filter(id -> !afterTick.containsKey(id)).count();
  }

  /** None twice, none skipped, none unknown, and the second delivery evaluated nothing. */
  boolean exactlyOnce() {
    return twice() == 0
        && skipped() == 0
        && afterTick.size() == ids.size()
        && afterRedelivery.equals(afterTick)
        && runs.stream().allMatch(ShardRun::ok)
        && redelivered.stream().allMatch(ShardRun::ok)
        && deadLetters == 0;
  }

  /** Worker seconds per 1,000 rollouts: every handled message's time over the rollouts. */
  double workerSecondsPerThousand() {
    double seconds = runs.stream().mapToLong(ShardRun::nanos).sum() / 1e9;
    return seconds / ids.size() * 1_000;
  }

  /** Workers that evaluate {@code rollouts} within the tick interval at the measured pace. */
  long workersFor(int rollouts) {
    double seconds = rollouts / 1_000.0 * workerSecondsPerThousand();
    return Math.max(1, (long) Math.ceil(seconds / options.intervalSeconds()));
  }

  void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%n## Fan-out: one tick over %,d rollouts, %d shards, %d workers%n",
        ids.size(),
        options.shards(),
        options.workers());
    out.printf(
        Locale.ROOT,
        "load average %s, %d cores (workers, DynamoDB Local and moto share them)%n",
        loadAverage(),
        Runtime.getRuntime().availableProcessors());
    out.println("shard  rollouts  work (s)");
    for (ShardRun run : sorted(runs)) {
      out.printf(
          Locale.ROOT, "%5d  %8d  %8.2f%n", run.shard(), inShard(run.shard()), run.nanos() / 1e9);
    }
    out.printf(
        Locale.ROOT,
        "controller invocation: %.0f ms (%d messages, then the digests, which read every active rollout)%n",
        dispatchNanos / 1e6,
        options.shards());
    out.printf(
        Locale.ROOT, "tick wall time: %.1f s (dispatch to the last shard done)%n", tickNanos / 1e9);
    out.printf(
        Locale.ROOT,
        "evaluated once: %,d of %,d; twice: %d; skipped: %d; after redelivery: %s; dead letters: %d%n",
        afterTick.values().stream().filter(c -> c == 1).count(),
        ids.size(),
        twice(),
        skipped(),
        afterRedelivery.equals(afterTick) ? "unchanged" : "CHANGED",
        deadLetters);
    List<Integer> unevaluated = unevaluatedShards();
    if (!unevaluated.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "shards with no rollout evaluated: %s (a worker drops a shard more than %d minutes"
              + " after its minute: the next tick covers it)%n",
          unevaluated,
          ShardWorker.MAX_AGE.toMinutes());
    }
    out.printf(
        Locale.ROOT,
        "every shard delivered again: %d messages, %.2f s of worker time, nothing evaluated%n",
        redelivered.size(),
        redelivered.stream().mapToLong(ShardRun::nanos).sum() / 1e9);
    out.printf(
        Locale.ROOT,
        "one worker per 1,000 rollouts: %.2f s (with %d workers sharing the cores)%n",
        workerSecondsPerThousand(),
        options.workers());
    for (int size : SIZES) {
      out.printf(
          Locale.ROOT,
          "workers for %,d rollouts within %d s: %d (and at least as many shards)%n",
          size,
          options.intervalSeconds(),
          workersFor(size));
    }
    out.println(exactlyOnce() ? "exactly once: yes" : "exactly once: NO");
    out.println();
    reportLines().forEach(out::println);
  }

  void writeReport(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, reportLines());
  }

  List<String> reportLines() {
    String tick =
        String.format(
            Locale.ROOT,
            "fan-out: one tick, %,d rollouts, %d shards, %d workers (local)",
            ids.size(),
            options.shards(),
            options.workers());
    List<String> lines = new ArrayList<>();
    lines.add(line(tick, String.format(Locale.ROOT, "%.1f s", tickNanos / 1e9), "≤ 60 s"));
    lines.add(
        line("fan-out: rollouts evaluated twice / skipped", twice() + " / " + skipped(), "0 / 0"));
    List<Long> nanos = runs.stream().map(ShardRun::nanos).sorted().toList();
    lines.add(
        line(
            "fan-out: shard work time p50 / max",
            String.format(
                Locale.ROOT,
                "%.2f s / %.2f s",
                nanos.get(nanos.size() / 2) / 1e9,
                nanos.get(nanos.size() - 1) / 1e9),
            "-"));
    lines.add(
        line(
            "fan-out: one worker per 1,000 rollouts",
            String.format(Locale.ROOT, "%.2f s", workerSecondsPerThousand()),
            "-"));
    lines.add(
        line(
            "fan-out: workers for 100,000 rollouts within 60 s",
            String.valueOf(workersFor(100_000)),
            "≤ 1,000 (MaximumConcurrency)"));
    return lines;
  }

  private static String line(String figure, String measured, String goal) {
    return figure + "\t" + measured + "\t" + goal + "\t-";
  }

  private List<Integer> unevaluatedShards() {
    List<Integer> shards = new ArrayList<>();
    for (int shard = 0; shard < options.shards(); shard++) {
      int each = shard;
      boolean none =
          ids.stream()
              .filter(id -> DueShards.of(id, options.shards()) == each)
              .noneMatch(afterTick::containsKey);
      if (none && inShard(shard) > 0) {
        shards.add(shard);
      }
    }
    return shards;
  }

  private long inShard(int shard) {
    return ids.stream().filter(id -> DueShards.of(id, options.shards()) == shard).count();
  }

  private static List<ShardRun> sorted(List<ShardRun> runs) {
    return runs.stream().sorted((a, b) -> Integer.compare(a.shard(), b.shard())).toList();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}

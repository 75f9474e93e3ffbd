package dev.flightplan.cli.local.emf;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What local mode received over EMF, per series and minute, as CloudWatch would aggregate it. Its
 * memory is bounded: minutes older than the retention are dropped (the longest lookback of the
 * plans read so far plus a margin, never more than {@link #MAX_RETENTION}), and at most {@link
 * #MAX_SERIES} series are kept. Readers hold its lock while they compute ({@code synchronized
 * (store)}).
 */
final class EmfStore {
  static final Duration MIN_RETENTION = Duration.ofMinutes(35);
  static final Duration MAX_RETENTION = Duration.ofHours(6);
  static final int MAX_SERIES = 1_000;

  private final Map<SeriesKey, TreeMap<Long, MinuteStats>> series = new HashMap<>();
  private long retentionSeconds = MIN_RETENTION.toSeconds();
  private long newestMinute = Long.MIN_VALUE;

  /** Adds {@code sample} at {@code epochSecond}; false when the series limit turned it away. */
  synchronized boolean add(SeriesKey key, long epochSecond, Sample sample) {
    TreeMap<Long, MinuteStats> minutes = series.get(key);
    if (minutes == null) {
      if (series.size() >= MAX_SERIES) {
        return false;
      }
      minutes = new TreeMap<>();
      series.put(key, minutes);
    }
    long minute = Math.floorDiv(epochSecond, 60) * 60;
    minutes.computeIfAbsent(minute, m -> new MinuteStats()).add(sample);
    if (minute > newestMinute) {
      newestMinute = minute;
      minutes.headMap(minute - retentionSeconds).clear();
    }
    return true;
  }

  /** Keeps at least {@code lookback} plus a margin, within the bounds of this store. */
  synchronized void retainAtLeast(Duration lookback) {
    long wanted = lookback.plus(Duration.ofMinutes(5)).toSeconds();
    retentionSeconds = Math.min(MAX_RETENTION.toSeconds(), Math.max(retentionSeconds, wanted));
  }

  /** Drops every minute before {@code now} minus the retention. */
  synchronized void prune(long nowEpochSecond) {
    long oldest = nowEpochSecond - retentionSeconds;
    series
        .values()
        .removeIf(
            minutes -> {
              minutes.headMap(oldest).clear();
              return minutes.isEmpty();
            });
  }

  /** The minutes of {@code key} in [from, to) epoch seconds; read under the store's lock. */
  synchronized NavigableMap<Long, MinuteStats> minutes(SeriesKey key, long from, long to) {
    TreeMap<Long, MinuteStats> minutes = series.get(key);
    return minutes == null ? new TreeMap<>() : minutes.subMap(from, true, to, false);
  }

  synchronized long retentionSeconds() {
    return retentionSeconds;
  }

  synchronized int seriesCount() {
    return series.size();
  }
}

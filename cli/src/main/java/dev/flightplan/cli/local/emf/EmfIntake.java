package dev.flightplan.cli.local.emf;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes documents into the store, or refuses them as CloudWatch would (broken specification, a
 * timestamp too old to be kept or more than two hours ahead), logging each kind of refusal once.
 */
final class EmfIntake {
  static final Duration AHEAD = Duration.ofHours(2);
  private static final System.Logger LOG = System.getLogger(EmfListener.class.getName());
  private static final int MAX_REASONS_LOGGED = 50;

  private final EmfStore store;
  private final Clock clock;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  EmfIntake(EmfStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  void take(String line) {
    EmfParser.Document document;
    try {
      document = EmfParser.parse(line);
    } catch (EmfException e) {
      refuse(e.getMessage());
      return;
    }
    long second = Math.floorDiv(document.timestampMillis(), 1000);
    long now = clock.instant().getEpochSecond();
    if (second < now - store.retentionSeconds()) {
      refuse("a timestamp older than local mode keeps (" + store.retentionSeconds() / 60 + " min)");
      return;
    }
    if (second > now + AHEAD.toSeconds()) {
      refuse("a timestamp more than 2 hours ahead");
      return;
    }
    for (EmfParser.Point point : document.points()) {
      if (!store.add(point.key(), second, point.sample())) {
        refuse("more than " + EmfStore.MAX_SERIES + " series");
        return;
      }
    }
    accepted.increment();
  }

  void refuse(String reason) {
    refused.increment();
    if (logged.size() < MAX_REASONS_LOGGED && logged.add(reason)) {
      LOG.log(System.Logger.Level.WARNING, "EMF document refused: " + reason);
    }
  }

  long accepted() {
    return accepted.sum();
  }

  long refused() {
    return refused.sum();
  }
}

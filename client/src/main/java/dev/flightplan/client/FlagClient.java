package dev.flightplan.client;

import dev.flightplan.evaluation.FlagEvaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluates Flightplan flags in process, from a snapshot of the flags table that one daemon thread
 * keeps fresh (docs/design.md §6). Build one per process — in a Lambda function, in a static field
 * or the handler's constructor — and share it: every method is thread-safe.
 *
 * <p>Evaluations never throw and never do I/O: they read the current snapshot and run the
 * controller's own {@code FlagEvaluator}. Before the first good read they answer the caller's
 * default (disabled, baseline, reason {@code ERROR}); when reads keep failing they keep answering
 * from the last good snapshot, with reason {@code STALE} once it is older than {@code staleAfter}.
 */
public final class FlagClient implements AutoCloseable {
  private final SnapshotPoller poller;
  private final Duration startTimeout;
  private final Clock clock;
  private final AutoCloseable ownedDynamoDb;

  @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held: the CRaC context keeps it weakly
  private final SnapStartHook snapStartHook;

  private volatile boolean closed;

  FlagClient(
      SnapshotPoller poller, Duration startTimeout, Clock clock, AutoCloseable ownedDynamoDb) {
    this.poller = poller;
    this.startTimeout = startTimeout;
    this.clock = clock;
    this.ownedDynamoDb = ownedDynamoDb;
    this.snapStartHook = SnapStartHook.register(this);
  }

  public static FlagClientBuilder builder() {
    return new FlagClientBuilder();
  }

  /** Whether {@code unit} sees the candidate of {@code flag}; false when unknown or unsure. */
  public boolean isEnabled(String flag, String unit) {
    return isEnabled(flag, unit, Map.of());
  }

  /**
   * Whether {@code unit}, with its context {@code attributes} (matched by audiences), sees the
   * candidate of {@code flag}. No I/O, no exception, and no allocation once the snapshot and the
   * calling thread are warm; false whenever {@link #evaluate} would answer the baseline.
   */
  public boolean isEnabled(String flag, String unit, Map<String, String> attributes) {
    FlagSnapshot snapshot = poller.current();
    if (snapshot == null || flag == null || unit == null) {
      return false;
    }
    SnapshotEntry entry = snapshot.entry(flag);
    if (entry == null || !entry.readable()) {
      return false;
    }
    try {
      return entry.isEnabled(unit, attributes == null ? Map.of() : attributes);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The full answer for {@code unit}: variant, reason, audience, bucket and the flag's metadata.
   */
  public FlagResult evaluate(String flag, String unit, Map<String, String> attributes) {
    FlagSnapshot snapshot = poller.current();
    if (snapshot == null || flag == null || unit == null) {
      return FlagResult.ERROR;
    }
    SnapshotEntry entry = snapshot.entry(flag);
    if (entry == null) {
      return FlagResult.UNKNOWN_FLAG;
    }
    if (!entry.readable()) {
      return FlagResult.ERROR;
    }
    try {
      FlagEvaluation evaluation = entry.evaluate(unit, attributes == null ? Map.of() : attributes);
      EvaluationReason reason =
          poller.isStale(snapshot)
              ? EvaluationReason.STALE
              : EvaluationReason.of(evaluation.reason());
      return new FlagResult(
          evaluation.enabled(),
          evaluation.variant(),
          reason,
          evaluation.audience(),
          evaluation.bucket(),
          entry.metadata());
    } catch (RuntimeException e) {
      return FlagResult.ERROR;
    }
  }

  /**
   * The answer of {@link #evaluate} but the bucket, as one of the outcomes the flag's snapshot
   * entry built once: no I/O, no exception, and no allocation once the snapshot and the calling
   * thread are warm. The same instance comes back until the flag changes or turns stale.
   */
  public FlagOutcome outcome(String flag, String unit, Map<String, String> attributes) {
    FlagSnapshot snapshot = poller.current();
    if (snapshot == null || flag == null || unit == null) {
      return FlagOutcome.ERROR;
    }
    SnapshotEntry entry = snapshot.entry(flag);
    if (entry == null) {
      return FlagOutcome.UNKNOWN_FLAG;
    }
    if (!entry.readable()) {
      return FlagOutcome.ERROR;
    }
    try {
      return entry.outcome(
          unit, attributes == null ? Map.of() : attributes, poller.isStale(snapshot));
    } catch (RuntimeException e) {
      return FlagOutcome.ERROR;
    }
  }

  /** How long ago the snapshot in use was read from the table; empty before the first. */
  public Optional<Duration> snapshotAge() {
    FlagSnapshot snapshot = poller.current();
    return snapshot == null
        ? Optional.empty()
        : Optional.of(Duration.between(snapshot.fetchedAt(), clock.instant()));
  }

  /**
   * Adds a listener after the start, e.g. an OpenFeature provider's. It hears only what happens
   * from now on: read {@link #status()} for where things stand.
   */
  public void addListener(FlagClientListener listener) {
    poller.listeners().add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  public FlagClientStatus status() {
    return poller.status();
  }

  /**
   * Writes the current snapshot as a bootstrap file for {@link FlagClientBuilder#bootstrap}, e.g.
   * at build time or from a running instance; the write is atomic.
   *
   * @throws IllegalStateException when there is no snapshot yet
   */
  public void writeSnapshot(Path file) throws IOException {
    FlagSnapshot snapshot = poller.current();
    if (snapshot == null) {
      throw new IllegalStateException("no flag snapshot yet: status " + status());
    }
    SnapshotFile.write(snapshot, file);
  }

  /** Stops the refresh thread and releases the DynamoDB client the builder made, if any. */
  @Override
  public void close() {
    closed = true;
    poller.stop();
    if (ownedDynamoDb != null) {
      try {
        ownedDynamoDb.close();
      } catch (Exception e) {
        // Best effort: nothing is left to read with it.
      }
    }
  }

  /** Starts refreshing; waits for the first read at most the start timeout. */
  void start() {
    if (closed) {
      return;
    }
    awaitAtMost(poller.start(), startTimeout);
  }

  /** Before a SnapStart snapshot: no thread may be captured mid-read. */
  void suspend() {
    poller.stop();
  }

  /** After a restore: read again (bounded by the start timeout) and poll on. */
  void resume() {
    start();
  }

  private static void awaitAtMost(Future<?> read, Duration timeout) {
    try {
      read.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The read goes on in the background; until it lands, evaluations answer defaults.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

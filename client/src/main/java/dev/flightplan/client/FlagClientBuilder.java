package dev.flightplan.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Configures a {@link FlagClient}; {@link #build} starts it. */
public final class FlagClientBuilder {
  /** The environment variable that names the flags table when {@link #table} is not called. */
  public static final String TABLE_ENV = "FLIGHTPLAN_FLAGS_TABLE";

  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
  static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(2);

  private DynamoDbClient dynamoDb;
  private String table;
  private List<String> flags = List.of();
  private Duration pollInterval = DEFAULT_POLL_INTERVAL;
  private Duration startTimeout = DEFAULT_START_TIMEOUT;
  private Duration staleAfter;
  private Path bootstrap;
  private Clock clock = Clock.systemUTC();
  private final List<FlagClientListener> listeners = new ArrayList<>();
  private FlagSnapshotSource source;

  FlagClientBuilder() {}

  /**
   * The DynamoDB client to read with; the caller keeps ownership. Default: one built on the refresh
   * thread from the SDK's default region and credential chains and the standard endpoint settings
   * ({@code AWS_ENDPOINT_URL_DYNAMODB}), on {@code url-connection-client}, closed by {@link
   * FlagClient#close}.
   */
  public FlagClientBuilder dynamoDb(DynamoDbClient dynamoDb) {
    this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
    return this;
  }

  /** The flags table's name. Default: the environment variable {@value #TABLE_ENV}. */
  public FlagClientBuilder table(String table) {
    this.table = Objects.requireNonNull(table, "table");
    return this;
  }

  /**
   * Watch only these flags (one BatchGetItem per 100 flags per poll). Default: every flag in the
   * table, one Scan per poll while the table is under 1 MB.
   */
  public FlagClientBuilder flags(String... flagKeys) {
    this.flags = List.of(flagKeys);
    return this;
  }

  /** Time between reads, each drawn within ± 10 % of it. Default 15 s. */
  public FlagClientBuilder pollInterval(Duration pollInterval) {
    this.pollInterval = positive(pollInterval, "pollInterval");
    return this;
  }

  /** The longest {@link #build} (and a SnapStart restore) waits for the first read. Default 2 s. */
  public FlagClientBuilder startTimeout(Duration startTimeout) {
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    return this;
  }

  /**
   * Past this age the snapshot is stale: still served, but with reason {@code STALE}, status {@code
   * STALE} and a {@link FlagClientListener#stale()} call. Default: four poll intervals, so three
   * reads in a row must fail first.
   */
  public FlagClientBuilder staleAfter(Duration staleAfter) {
    this.staleAfter = positive(staleAfter, "staleAfter");
    return this;
  }

  /**
   * A snapshot file written by {@link FlagClient#writeSnapshot}, served until the first read
   * succeeds. A missing or unreadable file is reported to the listener and skipped.
   */
  public FlagClientBuilder bootstrap(Path file) {
    this.bootstrap = Objects.requireNonNull(file, "bootstrap");
    return this;
  }

  /** The clock of snapshot ages. Default: the system clock. */
  public FlagClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Adds a listener of the refresh thread's news; call it again to add more. */
  public FlagClientBuilder listener(FlagClientListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Reads from {@code source} instead of DynamoDB: for tests of the refresh logic. */
  FlagClientBuilder source(FlagSnapshotSource source) {
    this.source = source;
    return this;
  }

  /**
   * Starts the client: loads the bootstrap file, then reads the table, waiting at most the start
   * timeout. Past it, the client is returned anyway and evaluations answer defaults until the read
   * lands.
   *
   * @throws IllegalStateException when no table is named
   */
  public FlagClient build() {
    Duration stale = staleAfter != null ? staleAfter : pollInterval.multipliedBy(4);
    DynamoDbClients clients = source == null ? new DynamoDbClients(dynamoDb, pollInterval) : null;
    FlagSnapshotSource reader =
        source != null ? source : new DynamoDbSnapshotSource(clients, tableName(), flags);
    Listeners listener = new Listeners(listeners);
    SnapshotPoller poller = new SnapshotPoller(reader, pollInterval, stale, clock, listener);
    if (bootstrap != null) {
      seed(poller, listener);
    }
    FlagClient client = new FlagClient(poller, startTimeout, clock, clients);
    client.start();
    return client;
  }

  private void seed(SnapshotPoller poller, Listeners listener) {
    try {
      poller.seed(SnapshotFile.read(bootstrap));
    } catch (IOException | RuntimeException e) {
      listener.error(new IOException("bootstrap file " + bootstrap + " not used: " + e, e));
    }
  }

  private String tableName() {
    if (table != null) {
      return table;
    }
    String fromEnv = System.getenv(TABLE_ENV);
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new IllegalStateException(
          "no flags table: call FlagClient.builder().table(name) or set " + TABLE_ENV);
    }
    return fromEnv.trim();
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** The caller's client, or one made on first use (and closed with the flag client). */
  static final class DynamoDbClients implements Supplier<DynamoDbClient>, AutoCloseable {
    private final DynamoDbClient given;
    private final Duration callTimeout;
    private DynamoDbClient made;

    DynamoDbClients(DynamoDbClient given, Duration callTimeout) {
      this.given = given;
      this.callTimeout = callTimeout;
    }

    @Override
    public synchronized DynamoDbClient get() {
      if (given != null) {
        return given;
      }
      if (made == null) {
        made = DefaultDynamoDb.create(callTimeout);
      }
      return made;
    }

    @Override
    public synchronized void close() {
      if (made != null) {
        made.close();
      }
    }
  }
}

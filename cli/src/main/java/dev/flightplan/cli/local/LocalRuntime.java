package dev.flightplan.cli.local;

import dev.flightplan.cli.local.emf.EmfListener;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.simulate.SimulatedClock;
import dev.flightplan.functions.AlarmHandler;
import dev.flightplan.functions.ApiHandler;
import dev.flightplan.functions.Config;
import dev.flightplan.functions.ControllerHandler;
import dev.flightplan.functions.Wiring;
import dev.flightplan.functions.events.ScheduleEvents;
import dev.flightplan.functions.observe.NoMetrics;
import dev.flightplan.functions.snapstart.Primer;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployed functions, run in this process: DynamoDB Local on 127.0.0.1 holds the tables, the
 * same {@link ApiHandler} answers HTTP on 127.0.0.1, and the same {@link ControllerHandler} runs
 * once per simulated minute when {@link #tick()} is called (or, on real time, for the minute now
 * begun). The tables live in memory, or in a state directory that keeps them, and the simulated
 * time reached, across restarts. The adapters are the deployed ones ({@link AwsAdapters}); only the
 * metrics (simulated unless CloudWatch or EMF was chosen), notifications (printed) and Lambda alias
 * targets (kept in memory) differ from the deployed wiring.
 */
public final class LocalRuntime implements AutoCloseable {
  /**
   * Settings of one local run.
   *
   * @param port the API's port; null for 8787 when free, else any free port
   * @param simulator the metrics source unless {@code cloudWatch}
   * @param topicArn where notifications are also published; null for nowhere
   * @param printNotifications one line per notification on the console
   * @param start where simulated time begins, unless the state directory has reached a later time
   * @param stateDir where the tables and simulated time are kept across restarts; null for memory
   * @param emfPort where to listen for EMF from applications, whose metrics then feed the gates (0
   *     for any free port); null for no listener
   * @param realTime run on the wall clock, {@link #tick()} running the controller for the current
   *     minute, instead of on simulated time
   */
  public record Options(
      Integer port,
      boolean cloudWatch,
      MetricsSource simulator,
      String topicArn,
      boolean printNotifications,
      Instant start,
      Path stateDir,
      Integer emfPort,
      boolean realTime) {

    /** On simulated time, without EMF. */
    public Options(
        Integer port,
        boolean cloudWatch,
        MetricsSource simulator,
        String topicArn,
        boolean printNotifications,
        Instant start,
        Path stateDir) {
      this(port, cloudWatch, simulator, topicArn, printNotifications, start, stateDir, null, false);
    }

    /** Everything in memory, lost on exit. */
    public Options(
        Integer port,
        boolean cloudWatch,
        MetricsSource simulator,
        String topicArn,
        boolean printNotifications,
        Instant start) {
      this(port, cloudWatch, simulator, topicArn, printNotifications, start, null);
    }
  }

  private final StateDirectory state;
  private final DynamoDbLocal dynamoDb;
  private final LocalAws settings;
  private final AwsClients clients;
  private final Clock clock;
  private final EmfListener emf;
  private final ControllerHandler controller;
  private final LocalApiServer api;

  private LocalRuntime(Options options, PrintWriter out, PrintWriter log) {
    this.state = options.stateDir() == null ? null : StateDirectory.open(options.stateDir());
    this.clock = clock(options, state);
    // First, so a taken port stops the start before anything else runs.
    this.emf = options.emfPort() == null ? null : EmfListener.start(options.emfPort(), clock);
    SqliteLibraryCache.use(System.getenv());
    this.dynamoDb = DynamoDbLocal.start(state == null ? null : state.path());
    if (log != null) {
      ConsoleLog.install(log);
    }
    this.settings = LocalAws.configure(dynamoDb.endpoint());
    this.clients = AwsClients.fromEnvironment();
    Wiring wiring = wiring(options, out);
    this.controller = new ControllerHandler(wiring);
    this.api =
        listen(
            new ApiHandler(wiring),
            new LocalAlarms(new AlarmHandler(wiring), clock),
            options.port(),
            clock);
  }

  /** Starts DynamoDB Local, creates the tables and serves the API; nothing ticks yet. */
  public static LocalRuntime start(Options options, PrintWriter out) {
    return new LocalRuntime(options, out, null);
  }

  /**
   * As {@link #start(Options, PrintWriter)}, with the log of this process going to {@code log}, one
   * escaped line per warning or error ({@link ConsoleLog}).
   */
  public static LocalRuntime start(Options options, PrintWriter out, PrintWriter log) {
    return new LocalRuntime(options, out, log);
  }

  private static Clock clock(Options options, StateDirectory state) {
    if (options.realTime()) {
      return Clock.systemUTC();
    }
    return new SimulatedClock(state == null ? options.start() : state.resume(options.start()));
  }

  private MetricsSource metrics(Options options, AwsAdapters aws) {
    if (emf != null) {
      return emf.metrics();
    }
    return options.cloudWatch() ? aws.cloudWatchMetrics() : options.simulator();
  }

  private Wiring wiring(Options options, PrintWriter out) {
    Tables tables = new Tables(Config.DEFAULT_TABLE_PREFIX);
    // A state directory from an earlier run has them all, with time to live enabled already.
    if (!allExist(tables)) {
      TableCreator.createTables(clients.dynamoDb(), tables);
    }
    AwsAdapters aws = new AwsAdapters(clients, tables, clock);
    Notifier sns =
        options.topicArn() == null ? null : aws.snsNotifier(SnsTopics.of(options.topicArn()));
    return Wiring.of(
        clock,
        aws.store(),
        metrics(options, aws),
        // There is no Lambda locally: alias weights are only remembered.
        aws.actuator(new InMemoryActuator()),
        notifier(options, out, sns),
        aws.flags(),
        Tick.DEFAULT_PAGE_SIZE,
        new NoMetrics(),
        Primer.NONE);
  }

  private boolean allExist(Tables tables) {
    List<String> existing = clients.dynamoDb().listTablesPaginator().tableNames().stream().toList();
    return Tables.SPECS.stream().allMatch(spec -> existing.contains(tables.name(spec.suffix())));
  }

  private static Notifier notifier(Options options, PrintWriter out, Notifier sns) {
    if (options.printNotifications()) {
      return new ConsoleNotifier(out, sns);
    }
    return sns != null ? sns : notification -> {};
  }

  /** The requested port, or 8787 when free, or any free port. */
  private static LocalApiServer listen(
      ApiHandler handler, LocalAlarms alarms, Integer port, Clock clock) {
    String actor = "local:" + System.getProperty("user.name", "anonymous");
    if (port != null) {
      return LocalApiServer.start(handler, alarms, port, actor, clock);
    }
    try {
      return LocalApiServer.start(handler, alarms, LocalCommand.DEFAULT_PORT, actor, clock);
    } catch (java.io.UncheckedIOException taken) {
      return LocalApiServer.start(handler, alarms, 0, actor, clock);
    }
  }

  /**
   * Moves simulated time on by a minute and runs the controller for that minute; on real time, runs
   * it for the minute now begun.
   */
  public Map<String, Object> tick() {
    Instant minute =
        clock instanceof SimulatedClock simulated
            ? simulated.advance(Duration.ofMinutes(1))
            : clock.instant().truncatedTo(ChronoUnit.MINUTES);
    if (state != null) {
      state.remember(minute);
    }
    return controller.handleRequest(
        Map.of("source", ScheduleEvents.SOURCE, "scheduledTime", minute.toString()), null);
  }

  /** Where the state is kept across restarts; empty when it lives in memory only. */
  public Optional<Path> stateDir() {
    return Optional.ofNullable(state).map(StateDirectory::path);
  }

  public URI endpoint() {
    return api.endpoint();
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  /** The table flag targets are written to, which in-process flag clients read. */
  public String flagsTable() {
    return new Tables(Config.DEFAULT_TABLE_PREFIX).flags();
  }

  /** Where applications send EMF; empty without {@link Options#emfPort()}. */
  public Optional<EmfListener> emf() {
    return Optional.ofNullable(emf);
  }

  public boolean realTime() {
    return !(clock instanceof SimulatedClock);
  }

  public Instant now() {
    return clock.instant();
  }

  /** The clock the API and the controller run on: simulated, or the system's on real time. */
  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    api.close();
    if (emf != null) {
      emf.close();
    }
    clients.close();
    dynamoDb.close();
    settings.restore();
  }
}

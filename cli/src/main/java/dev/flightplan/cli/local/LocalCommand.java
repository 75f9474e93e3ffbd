package dev.flightplan.cli.local;

import dev.flightplan.cli.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flightplan local}: the whole loop on this machine, with nothing to set up. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description =
        "Run Flightplan on this machine: DynamoDB Local, the plans API on 127.0.0.1 and the"
            + " controller once per simulated minute, on simulated traffic unless CloudWatch is"
            + " chosen.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped; with --demo, the controller rolled the rollout back",
      "1:with --demo, no rollback within --max-minutes; or a failure",
      "2:an invalid option"
    })
public final class LocalCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 8787;
  private static final Pattern TICK = Pattern.compile("([0-9]{1,6})(ms|s|m)");

  /** Where metrics come from. */
  enum MetricsChoice {
    auto,
    simulator,
    cloudwatch
  }

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", description = "API port; default 8787, or any free.")
  Integer port;

  @Option(
      names = "--tick",
      paramLabel = "PERIOD",
      description = "Wall time per simulated minute: 1s (default), 50ms, 1m…")
  String tick = "1s";

  @Option(
      names = "--fault",
      paramLabel = "FAULT",
      description = "Inject into the candidate: error-rate=8%%@standard-5 or latency=2x@beta.")
  List<String> faults = new ArrayList<>();

  @Option(names = "--demo", description = "Run the docs/design.md §2 example until it rolls back.")
  boolean demo;

  @Option(
      names = "--max-minutes",
      paramLabel = "N",
      description = "Stop after N simulated minutes (--demo: 240 by default).")
  Integer maxMinutes;

  @Option(
      names = "--metrics",
      paramLabel = "SOURCE",
      description =
          "auto (default: CloudWatch when an endpoint or credentials are configured),"
              + " simulator or cloudwatch.")
  MetricsChoice metrics = MetricsChoice.auto;

  @Option(names = "--topic-arn", paramLabel = "ARN", description = "Also publish to this topic.")
  String topicArn;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulated traffic.")
  long seed = 7;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Keep the tables and the simulated time in DIR across restarts; without it, state lives"
              + " in memory and is lost on exit.")
  Path stateDir;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Duration period = period();
    List<Fault> injected = faults();
    if (demo && stateDir != null) {
      throw new ParameterException(
          spec.commandLine(), "--state-dir does not go with --demo, which starts afresh each time");
    }
    // The handlers log one JSON line per tick; the terminal shows decisions instead.
    Configurator.setRootLevel(Level.WARN);
    boolean cloudWatch = !demo && useCloudWatch();
    Instant start = demo ? Demo.START : Instant.now().truncatedTo(ChronoUnit.MINUTES);
    var options =
        new LocalRuntime.Options(
            port,
            cloudWatch,
            new TrafficSimulator(seed, injected),
            topicArn,
            !demo,
            start,
            stateDir);
    try (LocalRuntime runtime = LocalRuntime.start(options, out, spec.commandLine().getErr())) {
      banner(out, runtime, cloudWatch, injected);
      if (demo) {
        return new Demo(runtime, out).run(period, maxMinutes != null ? maxMinutes : 240);
      }
      serve(runtime, period);
      return 0;
    }
  }

  private boolean useCloudWatch() {
    return switch (metrics) {
      case cloudwatch -> true;
      case simulator -> false;
      case auto -> LocalAws.cloudWatchConfigured(System.getenv());
    };
  }

  /** Ticks until Ctrl-C or {@code --max-minutes}. */
  private void serve(LocalRuntime runtime, Duration period) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown);
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter err = spec.commandLine().getErr();
    for (int minute = 0; maxMinutes == null || minute < maxMinutes; minute++) {
      if (stopped.await(period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return;
      }
      try {
        runtime.tick();
      } catch (RuntimeException e) {
        err.println("tick at " + runtime.now() + " failed: " + TerminalText.escape(e.getMessage()));
        err.flush();
      }
    }
    Runtime.getRuntime().removeShutdownHook(hook);
  }

  private void banner(PrintWriter out, LocalRuntime runtime, boolean cloudWatch, List<Fault> f) {
    String endpoint = runtime.endpoint().toString();
    out.println("Flightplan local mode");
    out.println(
        "  API        " + endpoint + "  (DynamoDB Local at " + runtime.dynamoDbEndpoint() + ")");
    out.println("  metrics    " + (cloudWatch ? "CloudWatch" : "simulated traffic, seed " + seed));
    out.println(
        "  state      "
            + runtime
                .stateDir()
                .map(dir -> "kept in " + TerminalText.escape(dir.toString()) + " across restarts")
                .orElse("in memory, lost on exit" + (demo ? "" : " (--state-dir DIR keeps it)")));
    f.forEach(fault -> out.println("  fault      " + fault));
    out.println("  time       one simulated minute every " + tick + ", from " + runtime.now());
    String command = demo ? "get " + Demo.ROLLOUT + " -w" : "list";
    out.println("  try        flightplan " + command + " --endpoint " + endpoint);
    out.println("             (or export FLIGHTPLAN_ENDPOINT=" + endpoint + ")");
    out.println();
    out.flush();
  }

  private Duration period() {
    Matcher m = TICK.matcher(tick.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ParameterException(
          spec.commandLine(), "--tick '" + tick + "' is not a period such as 1s, 50ms or 1m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private List<Fault> faults() {
    List<String> all = new ArrayList<>(faults);
    if (demo && all.isEmpty()) {
      all.add(Demo.FAULT);
    }
    try {
      return all.stream().map(Fault::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}

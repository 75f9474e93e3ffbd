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
            + " chosen; or, with --metrics emf, on real time with the metrics applications send.",
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
    cloudwatch,
    /** What applications send in Embedded Metric Format, on real time. */
    emf
  }

  /** The CloudWatch agent's EMF port, which applications and AWS's EMF libraries assume. */
  static final int DEFAULT_EMF_PORT = 25888;

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", description = "API port; default 8787, or any free.")
  Integer port;

  @Option(
      names = "--tick",
      paramLabel = "PERIOD",
      description = "Wall time per simulated minute: 1s (default), 50ms, 1m…")
  String tick;

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
              + " simulator, cloudwatch, or emf (what applications send, on real time).")
  MetricsChoice metrics = MetricsChoice.auto;

  @Option(
      names = "--emf-port",
      paramLabel = "P",
      description = "With --metrics emf: the TCP and UDP port on 127.0.0.1; default 25888, 0 any.")
  Integer emfPort;

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
    boolean emf = metrics == MetricsChoice.emf;
    refuseWhatCannotWork(emf);
    Duration period = emf ? Duration.ofMinutes(1) : period();
    List<Fault> injected = faults();
    // The handlers log one JSON line per tick; the terminal shows decisions instead.
    Configurator.setRootLevel(Level.WARN);
    boolean cloudWatch = !demo && !emf && useCloudWatch();
    Instant start = demo ? Demo.START : Instant.now().truncatedTo(ChronoUnit.MINUTES);
    var options =
        new LocalRuntime.Options(
            port,
            cloudWatch,
            new TrafficSimulator(seed, injected),
            topicArn,
            !demo,
            start,
            stateDir,
            emf ? (emfPort != null ? emfPort : DEFAULT_EMF_PORT) : null,
            emf);
    try (LocalRuntime runtime = start(options)) {
      new LocalBanner(out, runtime, demo, tick()).print(cloudWatch, seed, injected);
      if (demo) {
        return new Demo(runtime, out).run(period, maxMinutes != null ? maxMinutes : 240);
      }
      serve(runtime, period);
      return 0;
    }
  }

  private LocalRuntime start(LocalRuntime.Options options) {
    try {
      return LocalRuntime.start(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    } catch (java.io.UncheckedIOException e) {
      if (options.emfPort() != null && e.getMessage().startsWith("cannot listen for EMF")) {
        throw new ParameterException(
            spec.commandLine(),
            e.getMessage()
                + ": is a CloudWatch agent running? Choose another port with --emf-port P (0 for"
                + " any) and point AWS_EMF_AGENT_ENDPOINT at it");
      }
      throw e;
    }
  }

  /**
   * EMF comes from applications on real time, so nothing simulated goes with it; options of other
   * sources are refused rather than ignored.
   */
  private void refuseWhatCannotWork(boolean emf) {
    if (demo && stateDir != null) {
      throw new ParameterException(
          spec.commandLine(), "--state-dir does not go with --demo, which starts afresh each time");
    }
    if (!emf) {
      if (emfPort != null) {
        throw new ParameterException(spec.commandLine(), "--emf-port goes with --metrics emf");
      }
      return;
    }
    String why =
        " does not go with --metrics emf: it takes the metrics applications send, on real time";
    if (demo) {
      throw new ParameterException(
          spec.commandLine(), "--demo" + why + " (the demo runs on simulated traffic)");
    }
    for (String option : List.of("--tick", "--fault", "--seed")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(
            spec.commandLine(), option + why + " (the controller runs once a minute)");
      }
    }
    if (stateDir != null) {
      Instant reached = StateDirectory.open(stateDir).resume(Instant.EPOCH);
      if (reached.isAfter(Instant.now().plus(Duration.ofMinutes(1)))) {
        throw new ParameterException(
            spec.commandLine(),
            "--state-dir "
                + TerminalText.escape(stateDir.toString())
                + " reached simulated time "
                + reached
                + ", ahead of the real time EMF runs on: use another --state-dir");
      }
    }
  }

  private boolean useCloudWatch() {
    return switch (metrics) {
      case cloudwatch -> true;
      case simulator, emf -> false;
      case auto -> LocalAws.cloudWatchConfigured(System.getenv());
    };
  }

  /**
   * Ticks until Ctrl-C or {@code --max-minutes}: one simulated minute per period, or on real time a
   * few seconds after each minute ends, once EMF flushed at the minute has arrived.
   */
  private void serve(LocalRuntime runtime, Duration period) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown);
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter err = spec.commandLine().getErr();
    for (int minute = 0; maxMinutes == null || minute < maxMinutes; minute++) {
      long wait = runtime.realTime() ? untilNextMinute() : period.toMillis();
      if (stopped.await(wait, java.util.concurrent.TimeUnit.MILLISECONDS)) {
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

  /** Milliseconds until {@link LocalBanner#REAL_TIME_DELAY} past the next whole minute. */
  static long untilNextMinute() {
    long now = System.currentTimeMillis();
    long next = Math.floorDiv(now, 60_000) * 60_000 + 60_000;
    return next + LocalBanner.REAL_TIME_DELAY.toMillis() - now;
  }

  private String tick() {
    return tick == null ? "1s" : tick;
  }

  private Duration period() {
    String tick = tick();
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
    List<Fault> parsed;
    try {
      parsed = all.stream().map(Fault::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (demo) {
      refuseUnknownPhases(parsed, Demo.phaseNames());
    }
    return parsed;
  }

  /** The demo's plan is known up front: a fault at a phase it does not have would never fire. */
  private void refuseUnknownPhases(List<Fault> parsed, List<String> phases) {
    for (Fault fault : parsed) {
      if (!phases.contains(fault.phase())) {
        throw new ParameterException(
            spec.commandLine(),
            "--fault "
                + fault.phase()
                + ": the demo's plan has no phase "
                + fault.phase()
                + "; its phases are "
                + String.join(", ", phases));
      }
    }
  }
}

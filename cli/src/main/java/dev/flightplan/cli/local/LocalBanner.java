package dev.flightplan.cli.local;

import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.dashboard.DashboardHandler;
import dev.flightplan.cli.local.emf.EmfListener;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What {@code flightplan local} prints first: where the API, DynamoDB Local with the flags table,
 * and the metrics are, where state lives, and how time passes.
 */
final class LocalBanner {
  /** On real time the controller runs this long after each minute, once EMF flushed has arrived. */
  static final Duration REAL_TIME_DELAY = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final LocalRuntime runtime;
  private final boolean demo;
  private final String tick;

  LocalBanner(PrintWriter out, LocalRuntime runtime, boolean demo, String tick) {
    this.out = out;
    this.runtime = runtime;
    this.demo = demo;
    this.tick = tick;
  }

  void print(boolean cloudWatch, long seed, List<Fault> faults) {
    String endpoint = runtime.endpoint().toString();
    out.println("Flightplan local mode");
    out.println(
        "  API        " + endpoint + "  (DynamoDB Local at " + runtime.dynamoDbEndpoint() + ")");
    out.println(
        "  flags      table "
            + runtime.flagsTable()
            + " at "
            + runtime.dynamoDbEndpoint()
            + " (any region and credentials)");
    out.println("  dashboard  " + endpoint + DashboardHandler.LOCAL_BASE + "/");
    out.println("  app env    " + applicationEnvironment());
    out.println("  metrics    " + metrics(cloudWatch, seed));
    out.println(
        "  state      "
            + runtime
                .stateDir()
                .map(dir -> "kept in " + TerminalText.escape(dir.toString()) + " across restarts")
                .orElse("in memory, lost on exit" + (demo ? "" : " (--state-dir DIR keeps it)")));
    faults.forEach(fault -> out.println("  fault      " + fault));
    out.println("  time       " + time());
    String command = demo ? "get " + Demo.ROLLOUT + " -w" : "list";
    out.println("  try        flightplan " + command + " --endpoint " + endpoint);
    out.println("             (or export FLIGHTPLAN_ENDPOINT=" + endpoint + ")");
    out.println();
    out.flush();
  }

  /**
   * What an application using the flag client (and the metrics helper) exports to talk to this
   * local mode, ready to paste.
   */
  private String applicationEnvironment() {
    String env =
        "AWS_ENDPOINT_URL_DYNAMODB="
            + runtime.dynamoDbEndpoint()
            + " FLIGHTPLAN_FLAGS_TABLE="
            + runtime.flagsTable();
    return runtime
        .emf()
        .map(emf -> env + " AWS_EMF_AGENT_ENDPOINT=" + emf.tcpEndpoint())
        .orElse(env);
  }

  private String metrics(boolean cloudWatch, long seed) {
    if (runtime.emf().isPresent()) {
      EmfListener emf = runtime.emf().get();
      URI tcp = emf.tcpEndpoint();
      return "EMF from applications on "
          + tcp
          + emf.udpEndpoint().map(udp -> " and " + udp).orElse("")
          + " (AWS_EMF_AGENT_ENDPOINT="
          + tcp
          + ")";
    }
    return cloudWatch ? "CloudWatch" : "simulated traffic, seed " + seed;
  }

  private String time() {
    if (runtime.realTime()) {
      return "real time; the controller runs "
          + REAL_TIME_DELAY.toSeconds()
          + "s after each minute, from "
          + runtime.now();
    }
    return "one simulated minute every " + tick + ", from " + runtime.now();
  }
}

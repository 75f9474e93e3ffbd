package dev.flightplan.cli.dashboard;

import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.EndpointException;
import dev.flightplan.cli.options.ApiOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flightplan dashboard}: the web dashboard on 127.0.0.1, passing the page's requests on to
 * the API with this user's credentials, until Ctrl-C.
 */
@Command(
    name = "dashboard",
    description = {
      "Serve a web dashboard on 127.0.0.1: rollouts, their gates, metric charts, history, and"
          + " the actions pause, resume, approve, promote, rollback and abort.",
      "The page talks to this command, which calls the API signed with your credentials (or"
          + " unsigned to flightplan local, which also serves the dashboard at /dashboard/)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped",
      "1:the port is taken or the endpoint is missing",
      "2:an invalid option"
    })
public final class DashboardCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 7450;

  @Spec CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "Port on 127.0.0.1: 0 to 65535, 0 for any free one; default 7450.")
  int port = DEFAULT_PORT;

  @Option(
      names = "--address",
      paramLabel = "ADDR",
      description =
          "Loopback address to listen on: 127.0.0.1 (default), localhost or ::1. Nothing else:"
              + " the dashboard acts with your credentials.")
  String address = "127.0.0.1";

  @Option(
      names = "--read-only",
      description = "Show, never change: the page has no actions and the server refuses them.")
  boolean readOnly;

  @Override
  public Integer call() {
    InetAddress bind = loopback();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port " + port + " is not 0 to 65535");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ApiClient client = api.client();
      try (DashboardServer server = DashboardServer.start(bind, port, client, readOnly)) {
        out.println("Flightplan dashboard");
        out.println("  open       " + server.address());
        out.println("  API        " + TerminalText.escape(client.endpoint()) + signing(client));
        out.println("  mode       " + (readOnly ? "read-only: no actions" : "read and act"));
        out.println("  stop       Ctrl-C");
        out.flush();
        awaitStop();
      }
      return 0;
    } catch (EndpointException | UncheckedIOException e) {
      err.println("error: " + TerminalText.escape(e.getMessage()));
      return 1;
    }
  }

  private static String signing(ApiClient client) {
    return client.signs()
        ? " (signed with SigV4: your credentials stay in this process)"
        : " (unsigned)";
  }

  /** Until Ctrl-C, or until the thread running the command is interrupted. */
  private static void awaitStop() {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook has run.
      }
    }
  }

  /** The bind address, which must be loopback: anyone who reached it would act as this user. */
  private InetAddress loopback() {
    try {
      InetAddress bind = InetAddress.getByName(address.strip());
      if (bind.isLoopbackAddress()) {
        return bind;
      }
    } catch (UnknownHostException e) {
      // refused below
    }
    throw new ParameterException(
        spec.commandLine(),
        "--address "
            + TerminalText.escape(address)
            + " is not a loopback address: the dashboard acts with your credentials, so it serves"
            + " 127.0.0.1, localhost or ::1 only (reach it from elsewhere through an SSH tunnel)");
  }
}

package dev.flightplan.cli;

import dev.flightplan.cli.local.LocalApiServer;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.functions.ApiHandler;
import dev.flightplan.functions.InMemoryWiring;
import dev.flightplan.functions.Wiring;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The API in memory behind a real {@link LocalApiServer} on 127.0.0.1, and the CLI run against it
 * in-process with its output captured.
 */
public final class CliHarness implements AutoCloseable {
  /** What one run printed and returned. */
  public record Run(int exit, String out, String err) {}

  public final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
  public final Wiring wiring = InMemoryWiring.create(clock);
  public final LocalApiServer server =
      LocalApiServer.start(new ApiHandler(wiring), 0, "local:test", clock);

  /** Runs {@code flightplan args…} against the local server. */
  public Run api(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoint=" + server.endpoint());
    return run(all.toArray(String[]::new));
  }

  /** Runs {@code flightplan args…} as given. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Flightplan.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  public static String plan(String name) {
    return resource("plans/" + name);
  }

  /** The path of a test resource, e.g. {@code traces/healthy.csv}. */
  public static String resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(CliHarness.class.getResource("/" + name)).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates checkout-v2 and starts it (checklist done). */
  public void started() {
    expectOk(api("create", "-f", plan("checkout.yaml")));
    expectOk(api("checklist", "checkout-v2", "monitoring"));
    expectOk(api("checklist", "checkout-v2", "on-call"));
    expectOk(api("start", "checkout-v2"));
  }

  private static void expectOk(Run run) {
    if (run.exit() != 0) {
      throw new AssertionError("exit " + run.exit() + ": " + run.err() + run.out());
    }
  }

  @Override
  public void close() {
    server.close();
  }
}

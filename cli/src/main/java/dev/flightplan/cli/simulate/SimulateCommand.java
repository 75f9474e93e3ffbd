package dev.flightplan.cli.simulate;

import dev.flightplan.cli.FileProblem;
import dev.flightplan.cli.commands.ExitCodes;
import dev.flightplan.cli.options.OutputOptions;
import dev.flightplan.cli.options.PlanFileOption;
import dev.flightplan.core.plan.FieldError;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanException;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.simulate.MetricMismatches;
import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.Simulator;
import dev.flightplan.core.simulate.Trace;
import dev.flightplan.core.simulate.TraceError;
import dev.flightplan.core.simulate.TraceException;
import dev.flightplan.core.simulate.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flightplan simulate}: replays a metric trace through the controller's decision code. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays recorded metrics through the same decision code as the controller, on a virtual"
          + " clock ticking once a minute, and prints every decision and how the rollout ended.",
      "Trace: CSV with the header timestamp,metric,variant,value,samples (ISO-8601 UTC"
          + " timestamps; variant candidate or baseline; samples, the period's requests, may be"
          + " empty). A ratio metric is given by rows for its numerator and denominator.",
      "Metric names that the trace has and the plan never reads, or that the plan reads and the"
          + " trace never has, are listed before the timeline."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the simulation ran, whatever its outcome",
      "1:another failure (a file cannot be read, …)",
      "2:an invalid plan, trace or option (errors name the field path or line)"
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanFileOption planFile;

  @Option(
      names = "--metrics",
      required = true,
      paramLabel = "TRACE",
      description = "The metric trace, CSV.")
  Path traceFile;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description =
          "When the rollout starts (ISO-8601, e.g. 2025-03-03T09:00:00Z);"
              + " default: the trace's first timestamp.")
  Instant start;

  @Option(
      names = "--no-auto-approve",
      description = "Leave approvals ungranted: the rollout stops where one is needed.")
  boolean noAutoApprove;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String planText;
    try {
      planText = Files.readString(planFile.path(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(FileProblem.describe(planFile.path(), e));
      return ExitCodes.ERROR;
    }
    try {
      Plan plan = PlanReader.read(planText);
      Trace trace = readTrace();
      if (start != null && !start.isBefore(Simulator.end(plan, trace))) {
        err.println("--start " + start + " is not before the trace ends at " + trace.last());
        return ExitCodes.INVALID;
      }
      Simulation run = Simulator.run(plan, trace, new Simulator.Options(start, !noAutoApprove));
      List<String> mismatches = MetricMismatches.between(plan, trace);
      (output.json() ? new JsonLines(out) : new TimelineTable(out)).print(run, mismatches);
      return ExitCodes.OK;
    } catch (PlanException e) {
      err.println("invalid plan " + planFile.path() + ":");
      e.errors().stream().map(FieldError::toString).forEach(line -> err.println("  " + line));
      return ExitCodes.INVALID;
    } catch (TraceException e) {
      err.println("invalid trace " + traceFile + ":");
      e.errors().stream().map(TraceError::toString).forEach(line -> err.println("  " + line));
      return ExitCodes.INVALID;
    } catch (IOException e) {
      err.println(FileProblem.describe(traceFile, e));
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Trace readTrace() throws IOException {
    try (Reader reader = Files.newBufferedReader(traceFile, StandardCharsets.UTF_8)) {
      return TraceReader.read(reader);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the reader's own failure, e.g. bytes that are not UTF-8
    }
  }

  /** Prints a simulation, and the metric names that plan and trace disagree on. */
  interface Printer {
    void print(Simulation run, List<String> metricMismatches);
  }
}

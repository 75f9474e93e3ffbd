package dev.flightplan.core.simulate.corpus;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.simulate.Simulation;
import dev.flightplan.core.simulate.Simulator;
import dev.flightplan.core.simulate.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The committed corpus files, read and replayed as {@code flightplan simulate -f PLAN --metrics
 * TRACE} does: the plan through {@link PlanReader}, the trace through {@link TraceReader}, from the
 * trace's first minute with approvals granted.
 */
final class Corpus {
  private Corpus() {}

  static Simulation replay(Scenario scenario) {
    return replay(scenario.plan(), scenario);
  }

  static Simulation replay(String plan, Scenario scenario) {
    return Simulator.run(
        PlanReader.read(resource(plan)),
        TraceReader.read(resource(scenario.traceFile())),
        new Simulator.Options(null, true));
  }

  static Plan plan(String name) {
    return PlanReader.read(resource(name));
  }

  /** A corpus file as committed. */
  static String resource(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not in the corpus; regenerate it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

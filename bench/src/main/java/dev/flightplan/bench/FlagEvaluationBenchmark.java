package dev.flightplan.bench;

import dev.flightplan.bench.flags.Units;
import dev.flightplan.bench.flags.UnleashOffline;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagEvaluator;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One boolean flag evaluation for a UUID unit, side by side in one run: Flightplan's evaluator and
 * the Unleash Java client, both at 25 % ({@link UnleashOffline#ROLLOUT_PERCENT}) with no audience
 * or constraint, each unit taken in turn from the same {@link Units}. {@code scripts/bench-flags}
 * runs it with {@code -prof gc} and prints the comparison table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlagEvaluationBenchmark {
  static final String FLAG = UnleashOffline.FLAG;
  static final int BASIS_POINTS = UnleashOffline.ROLLOUT_PERCENT * 100;

  /** The units, shared by every benchmark, each thread cycling through them. */
  @State(Scope.Thread)
  public static class UnitState {
    final Units units = Units.uuids();
  }

  /** The shared evaluator over the flag's exposure, as the endpoint and the client hold it. */
  @State(Scope.Benchmark)
  public static class EvaluatorState {
    final FlagEvaluator evaluator = FlagEvaluator.of(FLAG, "new-search-algorithm-2024-06");
    final Exposure exposure = new Exposure(BASIS_POINTS, Set.of());
    final Map<String, Audience> audiences = Map.of();
    final Map<String, String> attributes = Map.of();
  }

  /** Unleash from its bootstrap JSON, polling and metrics off. */
  @State(Scope.Benchmark)
  public static class UnleashState {
    Unleash unleash;

    @Setup(Level.Trial)
    public void start() {
      unleash = UnleashOffline.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
      unleash.shutdown();
    }
  }

  /** The contexts an application would build, made up front like the units themselves. */
  @State(Scope.Thread)
  public static class UnleashContexts {
    final UnleashContext[] contexts = new UnleashContext[Units.COUNT];
    int next;

    @Setup(Level.Trial)
    public void build(UnitState units) {
      for (int i = 0; i < contexts.length; i++) {
        contexts[i] = UnleashContext.builder().userId(units.units.get(i)).build();
      }
    }

    UnleashContext next() {
      UnleashContext context = contexts[next];
      next = (next + 1) & (Units.COUNT - 1);
      return context;
    }
  }

  /** Flightplan's shared evaluator, the code every Flightplan client runs per call. */
  @Benchmark
  public boolean flightplanEvaluator(EvaluatorState flag, UnitState units) {
    return flag.evaluator
        .evaluate(flag.exposure, flag.audiences, units.units.next(), flag.attributes)
        .enabled();
  }

  /** Unleash's {@code isEnabled} with a prepared context: the baseline of the ratios. */
  @Benchmark
  public boolean unleash(UnleashState unleash, UnleashContexts contexts) {
    return unleash.unleash.isEnabled(FLAG, contexts.next());
  }

  /** Unleash with the context built in the call, as a request handler does. */
  @Benchmark
  public boolean unleashContextPerCall(UnleashState unleash, UnitState units) {
    return unleash.unleash.isEnabled(
        FLAG, UnleashContext.builder().userId(units.units.next()).build());
  }
}

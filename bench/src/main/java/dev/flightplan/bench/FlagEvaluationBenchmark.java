package dev.flightplan.bench;

import dev.flightplan.bench.flags.Units;
import dev.flightplan.bench.flags.UnleashOffline;
import dev.flightplan.bench.flags.WarmClient;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagEvaluator;
import dev.flightplan.openfeature.FlightplanProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
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
 * One boolean flag evaluation for a UUID unit, side by side in one run: Flightplan's shared
 * evaluator, {@code FlagClient.isEnabled} from a warm snapshot, the OpenFeature SDK's client over
 * {@link FlightplanProvider} (and, to show where its time and bytes go, the SDK over its no-op
 * provider and the provider called alone), and the Unleash Java client. Every flag is at 25 %
 * ({@link UnleashOffline#ROLLOUT_PERCENT}) with no audience or constraint, and every benchmark
 * takes its units in turn from the same {@link Units}; contexts are made up front except in the
 * {@code ContextPerCall} variants. {@code scripts/bench-flags} runs it with {@code -prof gc} and
 * prints the comparison table.
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
    final FlagEvaluator evaluator = FlagEvaluator.of(FLAG, WarmClient.SALT);
    final Exposure exposure = new Exposure(BASIS_POINTS, Set.of());
    final Map<String, Audience> audiences = Map.of();
    final Map<String, String> attributes = Map.of();
  }

  /** {@code FlagClient} from a bootstrap snapshot, with no read of the table while measured. */
  @State(Scope.Benchmark)
  public static class ClientState {
    WarmClient warm;

    @Setup(Level.Trial)
    public void start() {
      warm = WarmClient.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
      warm.close();
    }
  }

  /** An isolated OpenFeature API with the Flightplan provider over a warm client, no hooks. */
  @State(Scope.Benchmark)
  public static class OpenFeatureState {
    WarmClient warm;
    FlightplanProvider provider;
    OpenFeatureAPI api;
    Client client;

    @Setup(Level.Trial)
    public void start() {
      warm = WarmClient.start();
      provider = new FlightplanProvider(warm.client());
      api = openFeature(provider);
      client = api.getClient();
    }

    @TearDown(Level.Trial)
    public void stop() {
      api.shutdown();
      warm.close();
    }
  }

  /** The same SDK path over the SDK's own no-op provider: what the SDK costs by itself. */
  @State(Scope.Benchmark)
  public static class SdkOnlyState {
    OpenFeatureAPI api;
    Client client;

    @Setup(Level.Trial)
    public void start() {
      api = openFeature(new NoOpProvider());
      client = api.getClient();
    }

    @TearDown(Level.Trial)
    public void stop() {
      api.shutdown();
    }
  }

  /** OpenFeature contexts with the unit as targeting key, made up front like the units. */
  @State(Scope.Thread)
  public static class OpenFeatureContexts {
    final EvaluationContext[] contexts = new EvaluationContext[Units.COUNT];
    int next;

    @Setup(Level.Trial)
    public void build(UnitState units) {
      for (int i = 0; i < contexts.length; i++) {
        contexts[i] = new ImmutableContext(units.units.get(i));
      }
    }

    EvaluationContext next() {
      EvaluationContext context = contexts[next];
      next = (next + 1) & (Units.COUNT - 1);
      return context;
    }
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

  /** Flightplan's shared evaluator, its boolean path: the code every Flightplan client runs. */
  @Benchmark
  public boolean flightplanEvaluator(EvaluatorState flag, UnitState units) {
    return flag.evaluator.isEnabled(
        flag.exposure, flag.audiences, units.units.next(), flag.attributes);
  }

  /** The direct client: {@code isEnabled(flag, unit)} from the warm snapshot. */
  @Benchmark
  public boolean flightplanClient(ClientState flags, UnitState units) {
    return flags.warm.client().isEnabled(FLAG, units.units.next());
  }

  /** Through the OpenFeature SDK's client: hooks (none), context layering, details, provider. */
  @Benchmark
  public Boolean openFeature(OpenFeatureState openFeature, OpenFeatureContexts contexts) {
    return openFeature.client.getBooleanValue(FLAG, false, contexts.next());
  }

  /** As {@link #openFeature}, with the context built in the call, as a request handler does. */
  @Benchmark
  public Boolean openFeatureContextPerCall(OpenFeatureState openFeature, UnitState units) {
    return openFeature.client.getBooleanValue(
        FLAG, false, new ImmutableContext(units.units.next()));
  }

  /** The SDK's share: the same call answered by the SDK's no-op provider. */
  @Benchmark
  public Boolean openFeatureSdkOnly(SdkOnlyState sdk, OpenFeatureContexts contexts) {
    return sdk.client.getBooleanValue(FLAG, false, contexts.next());
  }

  /** The provider's share: its boolean evaluation called directly, as the SDK calls it. */
  @Benchmark
  public ProviderEvaluation<Boolean> flightplanProvider(
      OpenFeatureState openFeature, OpenFeatureContexts contexts) {
    return openFeature.provider.getBooleanEvaluation(FLAG, false, contexts.next());
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

  private static OpenFeatureAPI openFeature(FeatureProvider provider) {
    OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    api.setProviderAndWait(provider);
    return api;
  }
}

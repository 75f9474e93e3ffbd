package dev.flightplan.functions;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.FlagSource;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.ShardDispatcher;
import dev.flightplan.core.service.AlarmRollback;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.Tick;
import dev.flightplan.functions.api.SignedPageTokens;
import dev.flightplan.functions.snapstart.Primer;
import java.time.Clock;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The composition root: the ports and the use cases the handlers call, built by hand with plain
 * {@code new}. Handlers take a {@code Wiring}; a deployed function gets {@link #fromEnvironment()},
 * which {@link AwsWiring} builds on the AWS adapters; local mode builds one on the same adapters
 * with its own metrics and clock, and tests build theirs on the in-memory ports.
 *
 * @param metrics where the handlers emit their CloudWatch metrics (EMF)
 * @param primer warms what the SnapStart snapshot should hold, without calling AWS
 * @param pageTokens signs the API's {@code nextToken}s: with the deployment's key, or one made for
 *     this process
 * @param shardDispatcher where the controller hands the tick's shards (docs/design.md §1.4); null
 *     when it runs every shard itself
 */
public record Wiring(
    Clock clock,
    RolloutStore store,
    MetricsSource metricsSource,
    Actuator actuator,
    Notifier notifier,
    RolloutCommands commands,
    Tick tick,
    AlarmRollback alarms,
    FlagSource flags,
    Metrics metrics,
    Primer primer,
    SignedPageTokens pageTokens,
    ShardDispatcher shardDispatcher) {

  /**
   * Everything over the given ports; the tick pages through due rollouts {@code pageSize} at once.
   * Page tokens are signed with a key of this process ({@link #withPageTokens} sets another).
   */
  public static Wiring of(
      Clock clock,
      RolloutStore store,
      MetricsSource metricsSource,
      Actuator actuator,
      Notifier notifier,
      FlagSource flags,
      int pageSize,
      Metrics metrics,
      Primer primer) {
    return new Wiring(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        new RolloutCommands(store, actuator, notifier, clock),
        new Tick(store, metricsSource, actuator, notifier, clock, pageSize),
        new AlarmRollback(store, actuator, notifier, clock),
        flags,
        metrics,
        primer,
        SignedPageTokens.forThisProcess(),
        null);
  }

  /**
   * The AWS wiring of this process, built on first use from the environment ({@link Config}) and
   * shared by every handler instance, so the SDK clients are built once per process.
   */
  public static Wiring fromEnvironment() {
    return Deployed.INSTANCE;
  }

  /** The same wiring, emitting metrics to {@code other}. */
  public Wiring withMetrics(Metrics other) {
    return new Wiring(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        commands,
        tick,
        alarms,
        flags,
        other,
        primer,
        pageTokens,
        shardDispatcher);
  }

  /** The same wiring, signing page tokens with {@code tokens}. */
  public Wiring withPageTokens(SignedPageTokens tokens) {
    return new Wiring(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        commands,
        tick,
        alarms,
        flags,
        metrics,
        primer,
        tokens,
        shardDispatcher);
  }

  /** The same wiring, with the controller handing the tick's shards to {@code dispatcher}. */
  public Wiring withShardDispatcher(ShardDispatcher dispatcher) {
    return new Wiring(
        clock,
        store,
        metricsSource,
        actuator,
        notifier,
        commands,
        tick,
        alarms,
        flags,
        metrics,
        primer,
        pageTokens,
        dispatcher);
  }

  /** Whether the controller hands the tick's shards to workers instead of running them. */
  public boolean fansOut() {
    return shardDispatcher != null;
  }

  /** Holder idiom: built by the first call, safely published to every thread. */
  private static final class Deployed {
    static final Wiring INSTANCE = AwsWiring.fromEnvironment();
  }
}

package dev.flightplan.functions;

import dev.flightplan.functions.api.SignedPageTokens;
import dev.flightplan.functions.observe.Emf;
import dev.flightplan.functions.snapstart.PrimingGuard;
import dev.flightplan.functions.snapstart.SdkPrimer;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The deployed wiring: the core's ports on the AWS adapters. {@link Wiring#fromEnvironment()} and
 * the end-to-end test both build through {@link #build}, so they differ only in the clock, the
 * settings and where the SDK's endpoints point.
 */
public final class AwsWiring {
  private AwsWiring() {}

  /** From this process's environment: {@link Config}, the SDK's standard settings, UTC time. */
  static Wiring fromEnvironment() {
    return build(Config.fromEnvironment(), clients(), Clock.systemUTC());
  }

  /**
   * Clients as a deployed function builds them: region, credentials and endpoints from the SDK's
   * standard settings, and the guard that lets SnapStart priming stop a call before it is sent.
   */
  public static AwsClients clients() {
    return AwsClients.withInterceptors(PrimingGuard.INSTANCE);
  }

  /** The deployment's key when configured; one of this process (local runs, tests) when not. */
  private static SignedPageTokens pageTokens(Config config) {
    return config.pageTokenKey() == null
        ? SignedPageTokens.forThisProcess()
        : new SignedPageTokens(config.pageTokenKey().getBytes(StandardCharsets.UTF_8));
  }

  /** Every port on AWS. CloudWatch and Lambda clients are built on first use, not here. */
  public static Wiring build(Config config, AwsClients clients, Clock clock) {
    Tables tables = new Tables(config.tablePrefix());
    AwsAdapters aws = new AwsAdapters(clients, tables, clock, config.fanOut().dueShards());
    Wiring wiring =
        Wiring.of(
                clock,
                aws.store(),
                aws.cloudWatchMetrics(),
                aws.actuator(),
                aws.snsNotifier(config.topics()),
                aws.flags(),
                config.tickPageSize(),
                Emf.metrics(config.namespace()),
                new SdkPrimer(clients, tables, config.topics()))
            .withPageTokens(pageTokens(config));
    return config.fanOut().toQueue()
        ? wiring.withShardDispatcher(aws.sqsShards(config.fanOut().queueUrl()))
        : wiring;
  }
}

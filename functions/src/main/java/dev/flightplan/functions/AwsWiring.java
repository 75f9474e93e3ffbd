package dev.flightplan.functions;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.functions.flags.ExposureFlagSource;
import dev.flightplan.functions.observe.Emf;
import dev.flightplan.functions.snapstart.PrimingGuard;
import dev.flightplan.functions.snapstart.SdkPrimer;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.TargetActuator;
import dev.flightplan.infra.cloudwatch.CloudWatchMetricsSource;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import dev.flightplan.infra.flags.FlagExposureReader;
import dev.flightplan.infra.flags.PlanAudiences;
import dev.flightplan.infra.lambda.LambdaAliasActuator;
import dev.flightplan.infra.sns.SnsNotifier;
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

  /** Every port on AWS. CloudWatch and Lambda clients are built on first use, not here. */
  public static Wiring build(Config config, AwsClients clients, Clock clock) {
    Tables tables = new Tables(config.tablePrefix());
    DynamoDbRolloutStore store = new DynamoDbRolloutStore(clients.dynamoDb(), tables, clock);
    Actuator flags =
        new DynamoDbFlagExposure(clients.dynamoDb(), tables, PlanAudiences.from(store), clock);
    // Only alias targets need the Lambda client; the API and most ticks never build it.
    Actuator aliases =
        (id, target, exposure) ->
            new LambdaAliasActuator(clients.lambda()).apply(id, target, exposure);
    return Wiring.of(
        clock,
        store,
        new CloudWatchMetricsSource(request -> clients.cloudWatch().getMetricData(request)),
        new TargetActuator(flags, aliases),
        new SnsNotifier(clients.sns(), config.topics()),
        new ExposureFlagSource(new FlagExposureReader(clients.dynamoDb(), tables)),
        config.tickPageSize(),
        Emf.metrics(config.namespace()),
        new SdkPrimer(clients, tables, config.topics()));
  }
}

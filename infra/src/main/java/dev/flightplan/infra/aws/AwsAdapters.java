package dev.flightplan.infra.aws;

import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.FlagSource;
import dev.flightplan.core.port.MetricsSource;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.ShardDispatcher;
import dev.flightplan.infra.cloudwatch.CloudWatchMetricsSource;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import dev.flightplan.infra.flags.DynamoDbFlagSource;
import dev.flightplan.infra.flags.PlanAudiences;
import dev.flightplan.infra.lambda.LambdaAliasActuator;
import dev.flightplan.infra.sns.SnsNotifier;
import dev.flightplan.infra.sns.SnsTopics;
import dev.flightplan.infra.sqs.SqsShardDispatcher;
import java.time.Clock;

/**
 * The core's ports on AWS, composed once from one process's clients and tables: what a deployed
 * function and local mode both run on. Callers pick from it and substitute where they differ (local
 * mode simulates metrics and keeps alias weights in memory). CloudWatch, SNS and Lambda clients are
 * built when the adapter that needs them is first asked for or used, not here.
 */
public final class AwsAdapters {
  private final AwsClients clients;
  private final DynamoDbRolloutStore store;
  private final Actuator flagExposure;
  private final FlagSource flags;

  public AwsAdapters(AwsClients clients, Tables tables, Clock clock) {
    this(clients, tables, clock, DynamoDbRolloutStore.DEFAULT_DUE_SHARDS);
  }

  /** With a due index of {@code dueShards} shards (docs/design.md §1.4). */
  public AwsAdapters(AwsClients clients, Tables tables, Clock clock, int dueShards) {
    this.clients = clients;
    this.store = new DynamoDbRolloutStore(clients.dynamoDb(), tables, clock, dueShards);
    this.flagExposure =
        new DynamoDbFlagExposure(clients.dynamoDb(), tables, PlanAudiences.from(store), clock);
    this.flags = new DynamoDbFlagSource(clients.dynamoDb(), tables);
  }

  /** Rollouts, their history, alarm bindings and idempotency records in DynamoDB. */
  public DynamoDbRolloutStore store() {
    return store;
  }

  /** Flag exposure as the evaluation endpoint reads it: the {@code flags} table. */
  public FlagSource flags() {
    return flags;
  }

  /** Flag exposure in DynamoDB and Lambda alias weights through {@code UpdateAlias}. */
  public Actuator actuator() {
    return actuator(lambdaAliases());
  }

  /** Flag exposure in DynamoDB; Lambda alias targets go to {@code lambdaAliases}. */
  public Actuator actuator(Actuator lambdaAliases) {
    return new TargetActuator(flagExposure, lambdaAliases);
  }

  /** Metrics read from CloudWatch with {@code GetMetricData}, batched per tick. */
  public MetricsSource cloudWatchMetrics() {
    return new CloudWatchMetricsSource(request -> clients.cloudWatch().getMetricData(request));
  }

  /** Notifications published to {@code topics}. */
  public Notifier snsNotifier(SnsTopics topics) {
    return new SnsNotifier(clients.sns(), topics);
  }

  /** Shard ticks to the workers' queue; the SQS client is built on the first dispatch. */
  public ShardDispatcher sqsShards(String queueUrl) {
    return shards -> new SqsShardDispatcher(clients.sqs(), queueUrl).dispatch(shards);
  }

  /** Only alias targets need the Lambda client; the API and most ticks never build it. */
  private Actuator lambdaAliases() {
    return (id, target, exposure) ->
        new LambdaAliasActuator(clients.lambda()).apply(id, target, exposure);
  }
}

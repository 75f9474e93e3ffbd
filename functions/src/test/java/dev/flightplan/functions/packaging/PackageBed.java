package dev.flightplan.functions.packaging;

import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.functions.AwsWiring;
import dev.flightplan.functions.Config;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Tables in DynamoDB Local; in moto the topic with a queue on it, and the function's alias. */
final class PackageBed implements AutoCloseable {
  static final String STABLE = "1";
  static final String CANDIDATE = "2";
  static final String DUE_ROLLOUT = "package-run-due";
  private final LocalAws aws = LocalAws.get();
  private final AwsClients clients;
  private final String prefix = "fp-pkg-" + System.nanoTime() % 1_000_000 + "-";
  private final String function;
  private final String alias;
  private final String topicArn;
  private final TopicInbox inbox;

  private PackageBed(String function, String alias) {
    aws.resetMoto();
    this.function = function;
    this.alias = alias;
    clients = AwsWiring.clients();
    TableCreator.createTables(clients.dynamoDb(), new Tables(prefix));
    topicArn = clients.sns().createTopic(r -> r.name(prefix + "events")).topicArn();
    inbox = TopicInbox.subscribe(clients.sns(), topicArn, prefix + "inbox");
    MotoFunction.create(aws, clients.lambda(), function, alias);
    startDueRollout();
  }

  /** A flag rollout started ten minutes ago, so the package's first tick evaluates it. */
  private void startDueRollout() {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    AwsAdapters adapters = new AwsAdapters(clients, new Tables(prefix), past);
    RolloutCommands commands =
        new RolloutCommands(
            adapters.store(),
            adapters.actuator(),
            adapters.snsNotifier(SnsTopics.of(topicArn)),
            past);
    String plan =
        """
        rollout: package-run-due
        description: due when the package's controller ticks
        target: { type: flag, flag: package-run-due }
        phases:
          - { name: canary, percent: 5, bake: 2m }
          - { name: all, percent: 100 }
        metrics:
          error_rate:
            namespace: PackageRun
            ratio: { numerator: Errors, denominator: Invocations }
            dimensions: { Service: package-run-due, Variant: "${variant}" }
        gates:
          - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
        """;
    commands.create(PlanReader.read(plan), "package-run");
    commands.start(DUE_ROLLOUT, "package-run");
  }

  static PackageBed deploy(String function, String alias) {
    return new PackageBed(function, alias);
  }

  /** What a deployed function finds in its environment, pointing at the local servers. */
  Map<String, String> environment() {
    return Map.of(
        Config.TOPIC_ARN,
        topicArn,
        Config.TABLE_PREFIX,
        prefix,
        "AWS_REGION",
        LocalAws.REGION,
        "AWS_ACCESS_KEY_ID",
        "test",
        "AWS_SECRET_ACCESS_KEY",
        "test",
        "AWS_ENDPOINT_URL",
        aws.awsEndpoint().toString(),
        "AWS_ENDPOINT_URL_DYNAMODB",
        aws.dynamoDbEndpoint().toString());
  }

  AliasConfiguration alias() {
    var got = clients.lambda().getAlias(r -> r.functionName(function).name(alias));
    return AliasConfiguration.builder()
        .functionVersion(got.functionVersion())
        .routingConfig(got.routingConfig())
        .build();
  }

  /** The rollouts' store, as the package's functions find it. */
  RolloutStore store() {
    return new AwsAdapters(clients, new Tables(prefix), Clock.systemUTC()).store();
  }

  SqsClient sqs() {
    return clients.sqs();
  }

  List<String> notifications() {
    return inbox.drain();
  }

  @Override
  public void close() {
    inbox.close();
    clients.close();
  }
}

package dev.flightplan.bench.scale;

import dev.flightplan.bench.scale.ShardWorkers.ShardRun;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.functions.ControllerHandler;
import dev.flightplan.functions.Wiring;
import dev.flightplan.functions.observe.NoMetrics;
import dev.flightplan.functions.snapstart.Primer;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The fan-out scale test (docs/design.md §1.4) on the local servers: R running rollouts across the
 * due shards in DynamoDB Local, one tick through the real dispatch — the controller handler sends
 * one message per shard to moto's SQS, W worker threads, each a {@code ShardWorkerHandler} as
 * Lambda would run it, receive and run them — then every shard delivered again. It fails unless
 * every due rollout was evaluated exactly once; it prints the per-shard work, one worker's time per
 * 1,000 rollouts and how many workers a number of rollouts needs within the tick interval.
 *
 * <p>Metrics: in this process ({@link CountingMetricsSource}), not moto's CloudWatch, whose
 * GetMetricData for this many rollouts would measure moto. Usage: {@code FanOutScale --rollouts R
 * --workers W [--shards S] [--report file]}, with {@code FLIGHTPLAN_TEST_AWS_ENDPOINT} naming moto.
 */
public final class FanOutScale {
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(30);

  private FanOutScale() {}

  public static void main(String[] args) throws Exception {
    ScaleOptions options = ScaleOptions.parse(args);
    URI moto = URI.create(required(System.getenv("FLIGHTPLAN_TEST_AWS_ENDPOINT")));
    try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
      pointSdkAt(dynamoDb.endpoint(), moto);
      try (AwsClients clients = AwsClients.fromEnvironment()) {
        ScaleFigures figures = run(options, clients);
        figures.print(System.out);
        figures.writeReport(options.report());
        if (!figures.exactlyOnce()) {
          System.exit(1);
        }
      }
    }
    System.exit(0);
  }

  private static ScaleFigures run(ScaleOptions options, AwsClients clients) throws Exception {
    Tables tables = new Tables("scale-" + System.nanoTime() % 1_000_000 + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    System.out.printf(
        "seeding %,d rollouts over %d due shards ...%n", options.rollouts(), options.shards());
    long seedStart = System.nanoTime();
    List<String> ids =
        ScaleSeeder.seed(
            clients.dynamoDb(),
            tables,
            Instant.now(),
            options.rollouts(),
            id -> DueShards.of(id, options.shards()));
    System.out.printf("seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);
    // The tick's minute starts now, as if the schedule had just fired: seeding is not its time.
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), minute));
    RolloutStore store =
        new DynamoDbRolloutStore(clients.dynamoDb(), tables, clock, options.shards());

    CountingMetricsSource metrics = new CountingMetricsSource();
    String queueUrl = createQueues(clients.sqs(), tables);
    Wiring wiring = wiring(clients, tables, clock, store, metrics, queueUrl);
    ControllerHandler controller = new ControllerHandler(wiring);
    ShardWorkers workers = new ShardWorkers(wiring, clients.sqs(), queueUrl);
    Map<String, Object> event =
        Map.of("source", "flightplan.schedule", "scheduledTime", minute.toString());

    // Workers poll before the controller runs, as the event source mapping does: a shard starts
    // as soon as its message is sent, while the controller still sends the digests.
    long tickStart = System.nanoTime();
    CompletableFuture<List<ShardRun>> draining =
        workers.drainAsync(options.workers(), options.shards(), DRAIN_LIMIT);
    controller.handleRequest(event, new BenchContext("ControllerFunction"));
    long dispatchNanos = System.nanoTime() - tickStart;
    List<ShardRun> runs = draining.get();
    long tickNanos = System.nanoTime() - tickStart;
    Map<String, Integer> afterTick = metrics.counts();

    // Every shard again, as a Scheduler retry of the minute and an SQS redelivery would bring it.
    draining = workers.drainAsync(options.workers(), options.shards(), DRAIN_LIMIT);
    controller.handleRequest(event, new BenchContext("ControllerFunction"));
    List<ShardRun> redelivered = draining.get();
    return new ScaleFigures(
        options,
        ids,
        afterTick,
        metrics.counts(),
        runs,
        redelivered,
        dispatchNanos,
        tickNanos,
        deadLetters(clients.sqs(), tables));
  }

  private static Wiring wiring(
      AwsClients clients,
      Tables tables,
      Clock clock,
      RolloutStore store,
      CountingMetricsSource metrics,
      String queueUrl) {
    AwsAdapters aws = new AwsAdapters(clients, tables, clock);
    String topicArn =
        clients.sns().createTopic(r -> r.name(tables.rollouts() + "-events")).topicArn();
    return Wiring.of(
            clock,
            store,
            metrics,
            aws.actuator(),
            aws.snsNotifier(SnsTopics.of(topicArn)),
            aws.flags(),
            Tick.DEFAULT_PAGE_SIZE,
            new NoMetrics(),
            Primer.NONE)
        .withShardDispatcher(aws.sqsShards(queueUrl));
  }

  /** The shard queue as the template makes it: 60 s visibility, three receives, then the DLQ. */
  private static String createQueues(SqsClient sqs, Tables tables) {
    String dlq = sqs.createQueue(r -> r.queueName(tables.rollouts() + "-shard-dlq")).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}";
    return sqs.createQueue(
            r ->
                r.queueName(tables.rollouts() + "-shards")
                    .attributes(
                        Map.of(
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            "60",
                            QueueAttributeName.REDRIVE_POLICY,
                            redrive)))
        .queueUrl();
  }

  private static int deadLetters(SqsClient sqs, Tables tables) {
    String dlq = sqs.getQueueUrl(r -> r.queueName(tables.rollouts() + "-shard-dlq")).queueUrl();
    return Integer.parseInt(
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(dlq)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  private static void pointSdkAt(URI dynamoDb, URI moto) {
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.endpointUrl", moto.toString());
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.toString());
  }

  private static String required(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException(
          "FLIGHTPLAN_TEST_AWS_ENDPOINT must name moto (scripts/bench-scale starts it)");
    }
    return endpoint;
  }
}

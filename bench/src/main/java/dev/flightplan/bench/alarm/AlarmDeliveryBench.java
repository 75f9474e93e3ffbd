package dev.flightplan.bench.alarm;

import dev.flightplan.bench.api.DynamoDbCalls;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.functions.AlarmHandler;
import dev.flightplan.functions.FakeContext;
import dev.flightplan.functions.Wiring;
import dev.flightplan.functions.observe.NoMetrics;
import dev.flightplan.functions.snapstart.Primer;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One alarm delivery, warm, through the real {@link AlarmHandler} on the AWS adapters: DynamoDB
 * Local in this JVM (in memory) for the store and the flags, moto for SNS. Before each delivery
 * (untimed) a fresh alarm gets {@code bound} fresh running rollouts, each on its own flag at 10 %.
 * Per delivery two figures, from handing the event to the handler: the last rollback
 * <em>stored</em> (its conditional write returned) and the last exposure <em>confirmed at zero</em>
 * (the flag written and read back), marked by timing decorators around the real store and actuator.
 *
 * <p>Usage: {@code AlarmDeliveryBench <moto endpoint> <report tsv> [--deliveries N] [--warmup N]
 * [--bound 1,5]}.
 */
public final class AlarmDeliveryBench {
  private static final String REGION = "us-east-1";

  private final DeliveryTimes times = new DeliveryTimes();
  private final DynamoDbCalls calls = new DynamoDbCalls();
  private final AwsClients measured;
  private final AwsClients seeding;
  private final AlarmHandler handler;
  private final RolloutCommands commands;
  private final String plan;
  private int alarms;

  private AlarmDeliveryBench(String prefix) throws IOException {
    measured = AwsClients.withInterceptors(calls);
    seeding = AwsClients.fromEnvironment();
    Tables tables = new Tables(prefix);
    TableCreator.createTables(seeding.dynamoDb(), tables);
    String topic = seeding.sns().createTopic(r -> r.name(prefix + "events")).topicArn();
    Clock clock = Clock.systemUTC();
    AwsAdapters aws = new AwsAdapters(measured, tables, clock);
    Wiring wiring =
        Wiring.of(
            clock,
            new TimedRolloutStore(aws.store(), times),
            aws.cloudWatchMetrics(),
            new TimedActuator(aws.actuator(), times),
            aws.snsNotifier(SnsTopics.of(topic)),
            aws.flags(),
            100,
            new NoMetrics(),
            Primer.NONE);
    handler = new AlarmHandler(wiring);
    AwsAdapters seeded = new AwsAdapters(seeding, tables, clock);
    commands =
        new RolloutCommands(
            seeded.store(), seeded.actuator(), seeded.snsNotifier(SnsTopics.of(topic)), clock);
    plan = resource("alarm-plan.yaml");
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
      pointSdkAt(dynamoDb.endpoint(), options.moto());
      List<DeliveryFigures> results = new ArrayList<>();
      for (int bound : options.bound()) {
        AlarmDeliveryBench bench = new AlarmDeliveryBench("alarm-bench-" + bound + "-");
        try {
          bench.deliver(bound, options.warmup());
          bench.calls.reset();
          DeliveryFigures figures =
              new DeliveryFigures(bound, bench.deliver(bound, options.deliveries()));
          System.out.print(figures.table());
          System.out.printf(
              "SDK calls per delivery (%d bound):%n%s%n",
              bound, bench.calls.perRequest(options.deliveries()));
          results.add(figures);
        } finally {
          bench.measured.close();
          bench.seeding.close();
        }
      }
      String report = DeliveryFigures.reportLines(results);
      Files.createDirectories(options.report().getParent());
      Files.writeString(options.report(), report);
      System.out.println("Report (" + options.report() + "):");
      System.out.print(report);
    }
  }

  /** {@code count} deliveries, each of a fresh alarm with {@code bound} fresh rollouts. */
  private List<long[]> deliver(int bound, int count) {
    List<long[]> nanos = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String alarm = "bench-alarm-" + ++alarms;
      for (int r = 0; r < bound; r++) {
        String id = alarm + "-r" + r;
        commands.create(
            PlanReader.read(plan.replace("ROLLOUT_ID", id).replace("ALARM_NAME", alarm)), "bench");
        commands.start(id, "bench");
      }
      times.clear();
      long start = System.nanoTime();
      Map<String, Object> result =
          handler.handleRequest(AlarmEvent.entered(alarm, REGION), new FakeContext(alarm));
      long returned = System.nanoTime() - start;
      checkRolledBack(result, bound);
      nanos.add(
          new long[] {
            times.allStoredAfter(start, bound), times.allAtZeroAfter(start, bound), returned
          });
    }
    return nanos;
  }

  @SuppressWarnings("unchecked")
  private static void checkRolledBack(Map<String, Object> result, int bound) {
    List<Map<String, Object>> changes = (List<Map<String, Object>>) result.get("changes");
    List<String> rolledBack = (List<String>) changes.get(0).get("rolledBack");
    if (rolledBack.size() != bound) {
      throw new IllegalStateException("rolled back " + rolledBack + ", expected " + bound);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AlarmDeliveryBench.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void pointSdkAt(URI dynamoDb, URI moto) {
    System.setProperty("aws.region", REGION);
    System.setProperty("aws.accessKeyId", "bench");
    System.setProperty("aws.secretAccessKey", "bench");
    System.setProperty("aws.endpointUrl", moto.toString());
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.toString());
  }

  /** The command line. */
  record BenchOptions(URI moto, Path report, int deliveries, int warmup, List<Integer> bound) {
    static BenchOptions parse(String[] args) {
      if (args.length < 2) {
        throw new IllegalArgumentException(
            "usage: AlarmDeliveryBench <moto endpoint> <report tsv> [--deliveries N]"
                + " [--warmup N] [--bound 1,5]");
      }
      int deliveries = 200;
      int warmup = 50;
      List<Integer> bound = List.of(1, 5);
      for (int i = 2; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--deliveries" -> deliveries = Integer.parseInt(args[i + 1]);
          case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
          case "--bound" ->
              bound = List.of(args[i + 1].split(",")).stream().map(Integer::valueOf).toList();
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new BenchOptions(URI.create(args[0]), Path.of(args[1]), deliveries, warmup, bound);
    }
  }
}

package dev.flightplan.bench.tick;

import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.service.TickReport;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One tick over N due rollouts through the real adapters: DynamoDB Local in this JVM, CloudWatch
 * and SNS in moto. Per N: fresh tables, N rollouts of the example plan ({@link TickSeeder}), then
 * two ticks a minute apart, each timed and its calls counted: the first look, which records every
 * rollout's view (N writes, as every tick does once the views are 10 minutes old), and the quiet
 * tick after it.
 *
 * <p>Usage: {@code TickBench <moto endpoint> <N>...}; prints one line per tick and, last, {@code
 * report<TAB>figure<TAB>measured<TAB>goal<TAB>anchor} lines.
 */
public final class TickBench {
  private static final String REGION = "us-east-1";
  private static final String ANCHOR = "CloudWatch GetMetricData: 500 queries per call";

  private TickBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.out.println("usage: TickBench <moto endpoint> <N>...");
      System.exit(2);
    }
    URI moto = URI.create(args[0]);
    try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
      pointSdkAt(dynamoDb.endpoint(), moto);
      CallCounts counts = new CallCounts();
      try (AwsClients clients = AwsClients.withInterceptors(counts)) {
        for (int i = 1; i < args.length; i++) {
          resetMoto(moto);
          run(clients, counts, Integer.parseInt(args[i]));
        }
      }
    }
  }

  /** A figure as soon as it is measured, so a run stopped by its time limit keeps what it had. */
  private static void report(String line) {
    System.out.println("report\t" + line);
  }

  private static void run(AwsClients clients, CallCounts counts, int n) throws Exception {
    Instant now = Instant.now();
    TestClock clock = new TestClock(now);
    Tables tables = new Tables("tick-" + n + "-" + now.getEpochSecond() % 100_000 + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    String topic = clients.sns().createTopic(r -> r.name("tick-bench-" + n)).topicArn();
    AwsAdapters aws = new AwsAdapters(clients, tables, clock);
    long seeding = System.nanoTime();
    TickSeeder.rollouts(aws.store(), n, now);
    TickSeeder.metrics(clients.cloudWatch(), now);
    System.out.printf(
        Locale.ROOT, "N = %,d: seeded in %.1f s%n", n, (System.nanoTime() - seeding) / 1e9);
    TimedMetrics metrics = new TimedMetrics(aws.cloudWatchMetrics());
    Tick tick =
        new Tick(aws.store(), metrics, aws.actuator(), aws.snsNotifier(SnsTopics.of(topic)), clock);
    String goal = n >= 10_000 ? "≤ 60 s" : "-";
    String anchor = n >= 10_000 ? ANCHOR : "-";
    double firstLook = timed(tick, metrics, clock, counts, n, "first look");
    double firstLookMetrics = metrics.lastSeconds();
    report(
        row(
            "tick over %,d due rollouts, first look (N writes)".formatted(n),
            firstLook,
            goal,
            anchor));
    report(row("… of which reading metrics (GetMetricData from moto)", firstLookMetrics, "-", "-"));
    report(
        row(
            "… everything else (DynamoDB, decide, writes)",
            firstLook - firstLookMetrics,
            "-",
            "-"));
    report(
        "tick per 1,000 due rollouts at N = %,d, first look\t%.2f s\t-\t-"
            .formatted(n, firstLook * 1_000 / n));
    clock.advance(Duration.ofMinutes(1));
    double quiet = timed(tick, metrics, clock, counts, n, "quiet");
    report(row("tick over %,d due rollouts, quiet (1 write)".formatted(n), quiet, goal, "-"));
  }

  private static String row(String figure, double seconds, String goal, String anchor) {
    return String.format(Locale.ROOT, "%s\t%.1f s\t%s\t%s", figure, seconds, goal, anchor);
  }

  /** One tick for the clock's minute; its wall time in seconds. */
  private static double timed(
      Tick tick, TimedMetrics metrics, TestClock clock, CallCounts counts, int n, String which) {
    counts.reset();
    long started = System.nanoTime();
    TickReport report = tick.run(clock.instant().truncatedTo(ChronoUnit.MINUTES));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (report.evaluated() != n || report.failed() != 0) {
      throw new IllegalStateException("expected " + n + " evaluated, none failed: " + report);
    }
    long calls = counts.calls("CloudWatch.GetMetricData");
    System.out.printf(
        Locale.ROOT,
        "N = %,d, %s tick: %.2f s (%.2f s per 1,000); Query pages %d, GetMetricData %d calls /"
            + " %d queries, writes %d; held %d; all calls %s%n"
            + "  metrics phase %.2f s (GetMetricData %.2f s per call on average, calls overlapping);"
            + " everything else %.2f s%n",
        n,
        which,
        seconds,
        seconds * 1_000 / n,
        counts.calls("DynamoDb.Query"),
        calls,
        counts.metricQueries(),
        counts.writes(),
        report.held(),
        counts.all(),
        metrics.lastSeconds(),
        calls == 0 ? 0 : counts.metricCallSeconds() / calls,
        seconds - metrics.lastSeconds());
    return seconds;
  }

  /** Empties moto, so each N's GetMetricData scans the same hour of data. */
  private static void resetMoto(URI moto) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest reset =
          HttpRequest.newBuilder(moto.resolve("/moto-api/reset"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      http.send(reset, HttpResponse.BodyHandlers.discarding());
    }
  }

  private static void pointSdkAt(URI dynamoDb, URI moto) {
    System.setProperty("aws.region", REGION);
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.endpointUrl", moto.toString());
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.toString());
  }
}

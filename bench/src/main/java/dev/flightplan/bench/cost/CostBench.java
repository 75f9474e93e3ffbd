package dev.flightplan.bench.cost;

import dev.flightplan.bench.cost.CostScenario.Measured;
import dev.flightplan.bench.cost.TickBill.Rates;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The monthly cost of active rollouts from call counts measured on the local servers (DynamoDB
 * Local in this JVM, moto at the endpoint given) and AWS list prices ({@link Prices}): each size is
 * ticked through a {@link CostScenario}, its counts are turned into a month ({@link MonthModel}),
 * and the largest size given is extrapolated on the line through the two largest measured.
 *
 * <p>Usage: {@code CostBench <moto endpoint> [--sizes 1,10,1000] [--extrapolate 100000] [--window
 * 10] [--memory-mb 1024] [--report target/bench-report/cost.tsv]}.
 */
public final class CostBench {
  private static final String REGION = "us-east-1";

  private CostBench() {}

  public static void main(String[] args) throws IOException {
    CostOptions options = CostOptions.parse(args);
    String plan = designExamplePlan();
    CallCounter calls = new CallCounter();
    CapacityMeter capacity = new CapacityMeter();
    MetricsWait wait = new MetricsWait();
    List<Measured> measured = new ArrayList<>();
    try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
      pointSdkAt(dynamoDb.endpoint(), options.moto());
      try (AwsClients clients =
          AwsClients.withInterceptors(calls, capacity, wait, new MotoPercentiles())) {
        Instant start = lastWindowMorning(Instant.now());
        HealthyTraffic.put(
            clients.cloudWatch(),
            start.minus(MetricSpec.DEFAULT_LOOKBACK.plusMinutes(1)),
            start.plus(Duration.ofMinutes(options.window() + 3L)));
        CostScenario scenario = new CostScenario(clients, calls, capacity, wait, plan);
        for (int size : options.sizes()) {
          System.err.printf("ticking %,d rollouts ...%n", size);
          measured.add(scenario.run(size, start, options.window(), "r" + size));
        }
      }
    }
    new CostTables(options).print(measured, System.out);
  }

  /**
   * A Tuesday 10:00 in Berlin, inside the plan's window, in the past week: metrics written for that
   * morning are what moto serves; it need not be now.
   */
  static Instant lastWindowMorning(Instant now) {
    ZonedDateTime day = now.atZone(ZoneId.of("Europe/Berlin")).truncatedTo(ChronoUnit.DAYS);
    ZonedDateTime morning = day.withHour(10);
    while (morning.getDayOfWeek() != DayOfWeek.TUESDAY || !morning.toInstant().isBefore(now)) {
      morning = morning.minusDays(1);
    }
    return morning.toInstant();
  }

  private static String designExamplePlan() throws IOException {
    try (InputStream in = CostBench.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void pointSdkAt(URI dynamoDb, URI moto) {
    System.setProperty("aws.region", REGION);
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.endpointUrl", moto.toString());
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.toString());
  }

  /** The command line. */
  record CostOptions(
      URI moto, int[] sizes, int extrapolate, int window, int memoryMb, Path report) {
    static CostOptions parse(String[] args) {
      if (args.length < 1) {
        throw new IllegalArgumentException("usage: CostBench <moto endpoint> [options]");
      }
      int[] sizes = {1, 10, 1000};
      int extrapolate = 100_000;
      int window = 10;
      int memoryMb = 1024;
      Path report = null;
      for (int i = 1; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--sizes" ->
              sizes = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
          case "--extrapolate" -> extrapolate = Integer.parseInt(value);
          case "--window" -> window = Integer.parseInt(value);
          case "--memory-mb" -> memoryMb = Integer.parseInt(value);
          case "--report" -> report = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (window < 10) {
        throw new IllegalArgumentException("--window must be at least 10 (one view refresh)");
      }
      return new CostOptions(URI.create(args[0]), sizes, extrapolate, window, memoryMb, report);
    }
  }

  /** For {@link CostTables}: a month of one size, measured or extrapolated. */
  record Month(int rollouts, boolean extrapolated, Rates quantities) {}
}

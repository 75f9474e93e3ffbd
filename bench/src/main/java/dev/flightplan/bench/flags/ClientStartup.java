package dev.flightplan.bench.flags;

import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.flags.DynamoDbFlagExposure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How long an application waits for its first flag evaluation: DynamoDB Local runs in this JVM (in
 * memory, as local mode and the tests start it) with one flag written by the controller's own
 * actuator; each run launches a fresh JVM ({@link FirstEvaluation}) that starts a {@code
 * FlagClient} and evaluates once. Prints the median and the range of the time from launching the
 * JVM to the first evaluation and of the client's own part (SDK client, {@code build()}, first
 * read, first {@code isEnabled}).
 *
 * <p>Usage: {@code ClientStartup [--runs N]} (default 5).
 */
public final class ClientStartup {
  static final String FLAG = "startup-flag";

  /**
   * One run, in ms: from launch to the first evaluation, the first client's part of it, and a
   * second client's in the same JVM.
   */
  record Run(double launchMillis, double clientMillis, double warmJvmMillis) {}

  private ClientStartup() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
    if (args.length > 0 && !args[0].equals("--runs")) {
      System.out.println("usage: ClientStartup [--runs N]");
      return;
    }
    try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
      String table = writeFlag(dynamoDb);
      List<Run> measured = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        measured.add(run(dynamoDb, table));
      }
      print(measured);
    }
  }

  private static String writeFlag(DynamoDbLocal dynamoDb) {
    Tables tables = new Tables("bench-");
    try (DynamoDbClient client = client(dynamoDb)) {
      TableCreator.createTables(client, tables);
      new DynamoDbFlagExposure(client, tables, rollout -> Map.of(), Clock.systemUTC())
          .apply("startup-rollout", new Target.Flag(FLAG), new Exposure(Exposure.ALL, Set.of()));
    }
    return tables.flags();
  }

  private static Run run(DynamoDbLocal dynamoDb, String table)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            javaBinary(),
            "-Daws.region=us-east-1",
            "-Daws.accessKeyId=local",
            "-Daws.secretAccessKey=local",
            "-Daws.endpointUrlDynamoDb=" + dynamoDb.endpoint(),
            "-cp",
            System.getProperty("java.class.path"),
            FirstEvaluation.class.getName(),
            table,
            FLAG);
    long launched = System.currentTimeMillis();
    Path log = Files.createTempFile("first-evaluation", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("the first evaluation failed: " + Files.readString(log));
      }
      String[] fields = out.trim().split(" ");
      return new Run(
          Long.parseLong(fields[0]) - launched,
          Long.parseLong(fields[1]) / 1e6,
          Long.parseLong(fields[2]) / 1e6);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static void print(List<Run> runs) {
    List<Double> launch = runs.stream().map(Run::launchMillis).sorted().toList();
    List<Double> client = runs.stream().map(Run::clientMillis).sorted().toList();
    List<Double> warm = runs.stream().map(Run::warmJvmMillis).sorted().toList();
    System.out.println("| from | to | p50 | min … max |");
    System.out.println("|---|---|---:|---:|");
    System.out.println(row("launching a fresh JVM", launch));
    System.out.println(row("`FlagClient.builder()` (the client's part)", client));
    System.out.println(row("`FlagClient.builder()`, a second client in the same JVM", warm));
    System.out.println();
    System.out.println(
        runs.size()
            + " runs, each in a new JVM; DynamoDB Local in memory on 127.0.0.1, one flag; the"
            + " client makes its DynamoDB client, reads the table once, evaluates.");
  }

  private static String row(String from, List<Double> sorted) {
    return String.format(
        Locale.ROOT,
        "| %s | first `isEnabled` answered | %.0f ms | %.0f … %.0f ms |",
        from,
        median(sorted),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static DynamoDbClient client(DynamoDbLocal dynamoDb) {
    return DynamoDbClient.builder()
        .endpointOverride(dynamoDb.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

package dev.flightplan.bench.startup;

import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.service.RolloutCommands;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JVM start to the first completed tick, as a cold controller sees it: each run seeds fresh tables
 * in DynamoDB Local (in this JVM) and a topic in moto with one due rollout, then launches a fresh
 * JVM on the unpacked Lambda package (plus {@link FirstTick}) with the template's {@code
 * JAVA_TOOL_OPTIONS}, and times launch to the end of the tick. No SnapStart: a fresh JVM.
 *
 * <p>Usage: {@code ControllerStartup <unpacked package dir> <moto endpoint> <runs>
 * [JAVA_TOOL_OPTIONS]}.
 */
public final class ControllerStartup {
  private static final String REGION = "us-east-1";
  private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

  private ControllerStartup() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.out.println("usage: ControllerStartup <package dir> <moto endpoint> <runs> [opts]");
      System.exit(2);
    }
    Path packageDir = Path.of(args[0]);
    URI moto = URI.create(args[1]);
    int runs = Integer.parseInt(args[2]);
    String toolOptions = args.length > 3 ? args[3] : "";
    String classPath = classPath(packageDir);
    try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
      pointSdkAt(dynamoDb.endpoint(), moto);
      try (AwsClients clients = AwsClients.fromEnvironment()) {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          Seeded seeded = seed(clients, "startup-" + run + "-");
          millis.add(launch(classPath, toolOptions, seeded, dynamoDb.endpoint(), moto));
        }
        print(millis, toolOptions);
      }
    }
  }

  /** The tables and topic of one run. */
  record Seeded(String prefix, String topicArn) {}

  /** Fresh tables and topic, and one rollout started ten minutes ago, so due now. */
  static Seeded seed(AwsClients clients, String prefix) throws IOException {
    Tables tables = new Tables(prefix);
    TableCreator.createTables(clients.dynamoDb(), tables);
    String topicArn = clients.sns().createTopic(r -> r.name(prefix + "events")).topicArn();
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), java.time.ZoneOffset.UTC);
    AwsAdapters aws = new AwsAdapters(clients, tables, past);
    RolloutCommands commands =
        new RolloutCommands(
            aws.store(), aws.actuator(), aws.snsNotifier(SnsTopics.of(topicArn)), past);
    String id = commands.create(PlanReader.read(plan()), "bench").plan().id();
    commands.start(id, "bench");
    return new Seeded(prefix, topicArn);
  }

  private static String plan() throws IOException {
    try (InputStream in = ControllerStartup.class.getResourceAsStream("startup-plan.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long launch(
      String classPath, String toolOptions, Seeded seeded, URI dynamoDb, URI moto)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", classPath, FirstTick.class.getName())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("JAVA_TOOL_OPTIONS", toolOptions);
    env.put("FLIGHTPLAN_TABLE_PREFIX", seeded.prefix());
    env.put("FLIGHTPLAN_TOPIC_ARN", seeded.topicArn());
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_ENDPOINT_URL", moto.toString());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
    long launched = System.currentTimeMillis();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("the first-tick JVM failed:\n" + output);
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("first-tick "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no first-tick line:\n" + output));
    if (!line.endsWith("evaluated=1")) {
      throw new IllegalStateException("the tick did not evaluate the one due rollout: " + line);
    }
    return Long.parseLong(line.split(" ")[1]) - launched;
  }

  /** As the Java runtime builds it: the package root, then every jar under lib/. */
  static String classPath(Path packageDir) throws IOException {
    Path driver = packageDir.resolveSibling("startup-driver");
    copyDriver(driver);
    return String.join(
        java.io.File.pathSeparator,
        packageDir.toString(),
        packageDir.resolve("lib").resolve("*").toString(),
        driver.toString());
  }

  /** Only {@link FirstTick} and its nested class, from this jar, so nothing else shadows. */
  private static void copyDriver(Path driver) throws IOException {
    for (String name :
        List.of(
            "FirstTick.class", "FirstTick$BenchContext.class", "FirstTick$BenchContext$1.class")) {
      Path target = driver.resolve("dev/flightplan/bench/startup").resolve(name);
      Files.createDirectories(target.getParent());
      try (InputStream in = ControllerStartup.class.getResourceAsStream(name)) {
        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void pointSdkAt(URI dynamoDb, URI moto) {
    System.setProperty("aws.region", REGION);
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.endpointUrl", moto.toString());
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.toString());
  }

  private static void print(List<Long> millis, String toolOptions) {
    List<Long> sorted = millis.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    System.out.printf(
        Locale.ROOT,
        "JVM start -> first completed tick: p50 %.0f ms, min %d ms, max %d ms (%d runs;"
            + " JAVA_TOOL_OPTIONS=%s)%n",
        median,
        sorted.get(0),
        sorted.get(n - 1),
        n,
        toolOptions.isBlank() ? "(none)" : toolOptions);
  }
}

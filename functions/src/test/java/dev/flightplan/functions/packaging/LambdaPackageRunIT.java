package dev.flightplan.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.functions.AwsWiring;
import dev.flightplan.functions.Config;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import dev.flightplan.infra.testbed.LocalAws;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;

/**
 * The Lambda package runs: a fresh JVM on the unpacked zip alone (as the Java runtime builds its
 * class path) runs every handler's SnapStart priming, creates and starts a rollout of a Lambda
 * alias through the API handler, ticks the controller and rolls the rollout back with an alarm,
 * against DynamoDB Local and moto (Lambda, CloudWatch, SNS). What the package's shrunk libraries
 * lack would fail here, in a call, where {@link LambdaPackageIT} only reads class names.
 */
class LambdaPackageRunIT {
  private static final String ID = "package-run";
  private static final String FUNCTION = "package-run-fn";
  private static final String ALIAS = "live";

  private static PackageBed bed;
  private static String output;

  @BeforeAll
  static void runThePackage() throws Exception {
    bed = PackageBed.deploy(FUNCTION, ALIAS);
    Path work = Files.createTempDirectory("lambda-package-run");
    Path plan = work.resolve("plan.yaml");
    Files.writeString(plan, plan(), StandardCharsets.UTF_8);
    output = launch(work, plan);
  }

  @AfterAll
  static void tearDown() {
    bed.close();
  }

  @Test
  void everyHandlersSnapStartPrimingRunsWithoutASkippedCall() {
    assertThat(output).contains("primed=3").doesNotContain("priming skipped", "step failed");
  }

  @Test
  void theApiCreatesAndStartsARolloutOfALambdaAlias() {
    assertThat(output).contains("create=201", "start=200");
  }

  @Test
  void theControllerEvaluatesTheDueRollout() {
    assertThat(output).contains("tick=evaluated:1,failed:0");
  }

  @Test
  void theAlarmRollsTheAliasBackAndTheTopicHearsOfIt() {
    assertThat(output).containsPattern("get=.*\"ROLLED_BACK\"");
    AliasConfiguration alias = bed.alias();
    assertThat(alias.functionVersion()).isEqualTo(PackageBed.STABLE);
    Map<String, Double> weights =
        alias.routingConfig() == null ? Map.of() : alias.routingConfig().additionalVersionWeights();
    assertThat(weights.getOrDefault(PackageBed.CANDIDATE, 0.0)).isZero();
    assertThat(bed.notifications()).anyMatch(m -> m.contains(ID) && m.contains("ROLLBACK"));
  }

  private static String plan() {
    return """
        rollout: %s
        description: the Lambda package on the local servers
        target: { type: lambda-alias, function: %s, alias: %s, stable: "%s", candidate: "%s" }
        phases:
          - { name: canary, percent: 5, bake: 2m }
          - { name: all, percent: 100 }
        metrics:
          error_rate:
            namespace: PackageRun
            ratio: { numerator: Errors, denominator: Invocations }
            dimensions: { Service: %s, Variant: "${variant}" }
        gates:
          - { metric: error_rate, op: ">", threshold: 5%%, action: rollback }
        alarms: [search-5xx-critical]
        """
        .formatted(ID, FUNCTION, ALIAS, PackageBed.STABLE, PackageBed.CANDIDATE, ID);
  }

  /** The package's JVM, on the unpacked zip, {@link PackagedHandlers} and nothing else. */
  private static String launch(Path work, Path plan) throws Exception {
    Path unpacked = unpack(packagePath(), work.resolve("package"));
    Path driver = copyDriver(work.resolve("driver"));
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            unpacked.toString(),
            unpacked.resolve("lib").resolve("*").toString(),
            driver.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                classPath,
                PackagedHandlers.class.getName(),
                eventsDir().toString(),
                ID,
                plan.toString())
            .redirectErrorStream(true);
    builder.environment().putAll(bed.environment());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = process.waitFor(2, TimeUnit.MINUTES);
    assertThat(done && process.exitValue() == 0)
        .as("the package's JVM ended well:%n%s", out)
        .isTrue();
    return out;
  }

  private static Path unpack(Path zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the package: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    return into;
  }

  private static Path packagePath() {
    return Path.of(
        System.getProperty("flightplan.lambda.package", "target/flightplan-functions-lambda.zip"));
  }

  /** The repository's event fixtures, which the build copies to the test class path. */
  private static Path eventsDir() throws Exception {
    return Path.of(LambdaPackageRunIT.class.getResource("/events/api/start-rollout.json").toURI())
        .getParent()
        .getParent();
  }

  /** Only the driver's own class files, so nothing else from the test class path shadows. */
  private static Path copyDriver(Path driver) throws IOException {
    String pkg = PackagedHandlers.class.getPackageName().replace('.', '/');
    for (String name :
        List.of(
            "PackagedHandlers", "PackagedHandlers$RunContext", "PackagedHandlers$RunContext$1")) {
      Path target = driver.resolve(pkg).resolve(name + ".class");
      Files.createDirectories(target.getParent());
      try (InputStream in = PackagedHandlers.class.getResourceAsStream(name + ".class")) {
        Files.copy(in, target);
      }
    }
    return driver;
  }

  /** Tables in DynamoDB Local; in moto the topic with a queue on it, and the function's alias. */
  static final class PackageBed implements AutoCloseable {
    static final String STABLE = "1";
    static final String CANDIDATE = "2";
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
      commands.start("package-run-due", "package-run");
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

    List<String> notifications() {
      return inbox.drain();
    }

    @Override
    public void close() {
      inbox.close();
      clients.close();
    }
  }
}
